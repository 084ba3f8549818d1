package org.tidings.cli;

/** Makes feed-supplied text safe to print on a terminal: control and escape characters become visible. */
final class TerminalText {
    private TerminalText() {}

    static String safe(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                sb.append(cp == '\t' ? " " : String.format("\\x%02x", cp));
            } else if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) {
                // bidi embedding/override/isolate controls would reorder the rest of the line
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
