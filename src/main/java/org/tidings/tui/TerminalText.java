package org.tidings.tui;

import java.text.Normalizer;

/**
 * Makes untrusted text safe for the terminal and measures it in columns.
 *
 * <p>{@link #sanitize} turns any string into one line of printable cells: C0 and C1 controls, ESC
 * and DEL become visible symbols (so {@code "\u001b[2J"} shows as {@code "␛[2J"} and clears
 * nothing); bidi embeddings, overrides, isolates and marks, zero-width characters, variation
 * selectors and combining marks that do not compose are removed; lone surrogates become U+FFFD.
 * Afterwards every code point is one or two columns wide, and Lanterna agrees with the width (see
 * {@link #columns(int)}), so layout computed here is what the terminal shows.
 */
public final class TerminalText {
    /** Appended to a BMP wide character so that Lanterna also treats its cell as two columns. */
    static final char WIDE_MARK = '\uFE0F';

    private static final char REPLACEMENT = '\uFFFD';
    private static final String ELLIPSIS = "…";

    private TerminalText() {}

    /** One line of safe text: newlines and tabs become spaces; see the class comment. */
    public static String sanitize(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            appendSafe(out, cp);
        }
        return out.toString();
    }

    private static void appendSafe(StringBuilder out, int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C
                || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
            out.append(' ');
        } else if (cp < 0x20) {
            out.append((char) (0x2400 + cp)); // control pictures: ␛ for ESC, ␇ for BEL, …
        } else if (cp == 0x7F) {
            out.append('\u2421'); // ␡
        } else if (cp >= 0x80 && cp <= 0x9F) {
            out.append(REPLACEMENT); // C1 controls, including CSI (0x9B) and OSC (0x9D)
        } else if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            out.append(REPLACEMENT); // a lone surrogate
        } else if (Character.getType(cp) == Character.UNASSIGNED && DisplayWidth.of(cp) != 2) {
            out.append(REPLACEMENT); // unknown to this JDK and not in a wide (emoji, CJK) range
        } else if (isInvisible(cp)) {
            // bidi controls, zero-width and format characters, variation selectors: dropped
        } else {
            int width = DisplayWidth.of(cp);
            if (width == 0) {
                return; // a combining mark NFC could not compose
            }
            if (width == lanternaWidth(cp)) {
                out.appendCodePoint(cp);
            } else if (width == 2) {
                out.appendCodePoint(cp).append(WIDE_MARK); // a wide BMP symbol such as ⭐
            } else {
                appendFolded(out, cp); // a narrow astral character such as 𝐁
            }
        }
    }

    private static void appendFolded(StringBuilder out, int cp) {
        String folded = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        boolean foldsToNarrowBmp = folded.codePoints()
                .allMatch(c -> c <= 0xFFFF && c >= 0x20 && DisplayWidth.of(c) == 1 && lanternaWidth(c) == 1);
        out.append(foldsToNarrowBmp && !folded.isEmpty() ? folded : String.valueOf(REPLACEMENT));
    }

    private static boolean isInvisible(int cp) {
        if (cp == 0x061C || cp == 0x200E || cp == 0x200F || cp == 0xFEFF || cp == 0x00AD) {
            return true; // Arabic letter mark, LRM, RLM, BOM, soft hyphen
        }
        if ((cp >= 0x200B && cp <= 0x200D) || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0000 && cp <= 0xE0FFF) || (cp >= 0xFFF9 && cp <= 0xFFFB)) {
            return true; // ZWSP/ZWNJ/ZWJ, LRE..RLO, isolates and invisible operators, selectors, tags
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.CONTROL;
    }

    /** How many columns Lanterna 3.1 gives a one-code-point cell. */
    private static int lanternaWidth(int cp) {
        if (cp > 0xFFFF) {
            return 2;
        }
        return com.googlecode.lanterna.TerminalTextUtils.isCharCJK((char) cp) ? 2 : 1;
    }

    /** Columns taken by sanitized text. */
    public static int width(String safe) {
        int columns = 0;
        for (int i = 0; i < safe.length(); ) {
            int cp = safe.codePointAt(i);
            i += Character.charCount(cp);
            columns += columns(cp);
        }
        return columns;
    }

    /** Columns of one code point of sanitized text (0 for the wide mark). */
    static int columns(int cp) {
        if (cp == WIDE_MARK) {
            return 0;
        }
        return DisplayWidth.of(cp);
    }

    /**
     * Sanitized text cut to at most {@code columns} columns, ending in "…" when cut, then padded
     * with spaces to exactly {@code columns}.
     */
    public static String fit(String safe, int columns) {
        if (columns <= 0) {
            return "";
        }
        int width = width(safe);
        if (width <= columns) {
            return safe + " ".repeat(columns - width);
        }
        String cut = truncate(safe, columns - 1) + ELLIPSIS;
        return cut + " ".repeat(Math.max(0, columns - width(cut)));
    }

    /** The longest prefix of sanitized text that fits in {@code columns} columns. */
    public static String truncate(String safe, int columns) {
        int used = 0;
        int end = 0;
        while (end < safe.length()) {
            int cp = safe.codePointAt(end);
            int w = columns(cp);
            if (used + w > columns) {
                break;
            }
            used += w;
            end += Character.charCount(cp);
            if (end < safe.length() && safe.charAt(end) == WIDE_MARK) {
                end++;
            }
        }
        return safe.substring(0, end);
    }

    /**
     * Word-wraps sanitized text to lines of at most {@code columns} columns; words longer than a
     * line are broken; wide (CJK) characters may break anywhere.
     */
    public static java.util.List<String> wrap(String safe, int columns) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        int max = Math.max(1, columns);
        StringBuilder line = new StringBuilder();
        int lineWidth = 0;
        for (String word : splitWords(safe)) {
            int wordWidth = width(word);
            boolean space = word.equals(" ");
            if (space) {
                if (lineWidth > 0 && lineWidth < max) {
                    line.append(' ');
                    lineWidth++;
                }
                continue;
            }
            if (lineWidth + wordWidth > max && lineWidth > 0) {
                lines.add(stripEnd(line.toString()));
                line.setLength(0);
                lineWidth = 0;
            }
            String rest = word;
            while (width(rest) > max) {
                String head = truncate(rest, max - lineWidth);
                if (head.isEmpty()) {
                    lines.add(stripEnd(line.toString()));
                    line.setLength(0);
                    lineWidth = 0;
                    continue;
                }
                line.append(head);
                lines.add(line.toString());
                line.setLength(0);
                lineWidth = 0;
                rest = rest.substring(head.length());
            }
            line.append(rest);
            lineWidth += width(rest);
        }
        if (lineWidth > 0 || lines.isEmpty()) {
            lines.add(stripEnd(line.toString()));
        }
        return lines;
    }

    /** Splits into words, single spaces, and single wide characters (which may break anywhere). */
    private static java.util.List<String> splitWords(String safe) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < safe.length(); ) {
            int cp = safe.codePointAt(i);
            int len = Character.charCount(cp);
            if (i + len < safe.length() && safe.charAt(i + len) == WIDE_MARK) {
                len++;
            }
            String cell = safe.substring(i, i + len);
            i += len;
            if (cp == ' ') {
                flush(word, parts);
                parts.add(" ");
            } else if (columns(cp) == 2) {
                flush(word, parts);
                parts.add(cell);
            } else {
                word.append(cell);
            }
        }
        flush(word, parts);
        return parts;
    }

    private static void flush(StringBuilder word, java.util.List<String> parts) {
        if (word.length() > 0) {
            parts.add(word.toString());
            word.setLength(0);
        }
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }
}
