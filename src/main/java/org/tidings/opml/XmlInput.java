package org.tidings.opml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * The text of an XML document, decoded leniently: byte order marks, the declared encoding,
 * invalid bytes replaced (with a warning), and whitespace before the XML declaration dropped. The
 * parser then reads characters, so a wrong {@code encoding} declaration cannot stop it.
 */
final class XmlInput {
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^\\s*<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._:-]*)[\"']");
    private static final Pattern LEADING_WHITESPACE_BEFORE_DECLARATION = Pattern.compile("^\\s+(?=<\\?xml[\\s?])");
    private static final Pattern KEPT_REFERENCE =
            Pattern.compile("&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|amp|lt|gt|quot|apos);");
    private static final Pattern NAMED_REFERENCE = Pattern.compile("&([A-Za-z][A-Za-z0-9]{1,31});");

    final String text;
    /** Lines dropped before the text starts, to add to the parser's line numbers. */
    final int lineOffset;

    private XmlInput(String text, int lineOffset) {
        this.text = text;
        this.lineOffset = lineOffset;
    }

    static XmlInput decode(byte[] bytes, Warnings warnings) throws OpmlException {
        int offset = 0;
        Charset charset;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            offset = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        } else if (startsWith(bytes, 0x3C, 0x00)) {
            charset = StandardCharsets.UTF_16LE;
        } else if (startsWith(bytes, 0x00, 0x3C)) {
            charset = StandardCharsets.UTF_16BE;
        } else {
            charset = declaredCharset(bytes, warnings);
        }
        String text = decode(bytes, offset, charset, warnings);
        int lineOffset = 0;
        Matcher leading = LEADING_WHITESPACE_BEFORE_DECLARATION.matcher(text);
        if (leading.find()) {
            lineOffset = (int) leading.group().chars().filter(c -> c == '\n').count();
            text = text.substring(leading.end());
            warnings.add("whitespace before the XML declaration was ignored");
        }
        int first = 0;
        while (first < text.length() && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            throw new OpmlException("not an OPML document: the file is empty");
        }
        if (text.regionMatches(true, first, "<!doctype html", 0, 14) || text.regionMatches(true, first, "<html", 0, 5)) {
            throw new OpmlException("not an OPML document: this looks like an HTML page");
        }
        return new XmlInput(text, lineOffset);
    }

    private static Charset declaredCharset(byte[] bytes, Warnings warnings) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher matcher = DECLARED_ENCODING.matcher(head);
        if (!matcher.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = matcher.group(1);
        try {
            Charset charset = Charset.forName(name);
            if (charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32")) {
                // The declaration was readable as single bytes, so the file is not UTF-16.
                warnings.add("the file declares encoding " + name + " but is not; read as UTF-8");
                return StandardCharsets.UTF_8;
            }
            return charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            warnings.add("unknown encoding " + Warnings.quote(name) + "; read as UTF-8");
            return StandardCharsets.UTF_8;
        }
    }

    /** UTF-8 text; invalid bytes become U+FFFD with a warning. */
    static String decodeUtf8(byte[] bytes, Warnings warnings) {
        return decode(bytes, 0, StandardCharsets.UTF_8, warnings);
    }

    private static String decode(byte[] bytes, int offset, Charset charset, Warnings warnings) {
        ByteBuffer input = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return newDecoder(charset, CodingErrorAction.REPORT).decode(input).toString();
        } catch (CharacterCodingException e) {
            warnings.add("bytes that are not valid " + charset.name() + " were replaced by U+FFFD");
            try {
                CharBuffer chars = newDecoder(charset, CodingErrorAction.REPLACE)
                        .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
                return chars.toString();
            } catch (CharacterCodingException impossible) {
                throw new IllegalStateException("decoding with REPLACE failed", impossible);
            }
        }
    }

    private static CharsetDecoder newDecoder(Charset charset, CodingErrorAction action) {
        return charset.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text with every {@code &} that does not start an XML reference repaired: HTML named
     * references ({@code &nbsp;}, {@code &eacute;}) become numeric references, anything else
     * becomes {@code &amp;}. Used only to retry a document that failed to parse.
     */
    /**
     * Refuses a DOCTYPE with an internal subset ({@code <!DOCTYPE opml [ ... ]>}): that is where
     * entities are declared (XXE, billion laughs), and no real OPML file has one. A DOCTYPE without
     * one is harmless: the parser never loads external DTDs.
     */
    void rejectInternalSubset() throws OpmlException {
        int i = skipMisc(text, 0);
        if (!text.startsWith("<!DOCTYPE", i)) {
            return;
        }
        i += "<!DOCTYPE".length();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int close = text.indexOf(c, i + 1);
                if (close < 0) {
                    return; // unterminated literal: the parser reports it
                }
                i = close + 1;
            } else if (c == '[') {
                int line = 1 + lineOffset + (int) text.substring(0, i).chars().filter(ch -> ch == '\n').count();
                int column = i - (text.lastIndexOf('\n', i - 1) + 1) + 1;
                throw new OpmlException("refused: the DOCTYPE declares entities (XXE and entity expansion are not"
                        + " allowed) (line " + line + ", column " + column + ")", line, column);
            } else if (c == '>') {
                return;
            } else {
                i++;
            }
        }
    }

    /** Skips whitespace, processing instructions and comments from {@code i}. */
    private static int skipMisc(String text, int start) {
        int i = start;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else if (text.startsWith("<?", i)) {
                int end = text.indexOf("?>", i + 2);
                if (end < 0) {
                    return text.length();
                }
                i = end + 2;
            } else if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i + 4);
                if (end < 0) {
                    return text.length();
                }
                i = end + 3;
            } else {
                return i;
            }
        }
        return i;
    }

    static String repairAmpersands(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int i = 0;
        while (true) {
            int amp = text.indexOf('&', i);
            if (amp < 0) {
                out.append(text, i, text.length());
                return out.toString();
            }
            out.append(text, i, amp);
            Matcher kept = KEPT_REFERENCE.matcher(text).region(amp, text.length());
            if (kept.lookingAt()) {
                out.append(kept.group());
                i = kept.end();
                continue;
            }
            Matcher named = NAMED_REFERENCE.matcher(text).region(amp, text.length());
            if (named.lookingAt() && Entities.isNamedEntity(named.group(1))) {
                Entities.getByName(named.group(1))
                        .codePoints()
                        .forEach(cp -> out.append("&#").append(cp).append(';'));
                i = named.end();
                continue;
            }
            out.append("&amp;");
            i = amp + 1;
        }
    }
}
