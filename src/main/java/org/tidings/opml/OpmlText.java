package org.tidings.opml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tidings.xml.XmlCharset;
import org.tidings.xml.XmlRepairs;

/**
 * The text of an OPML document, ready for the streaming parser: decoded by the shared XML reader
 * ({@link XmlCharset#decodeReplacing}: byte order mark, declared encoding, invalid bytes replaced
 * with a warning), whitespace before the XML declaration dropped, and HTML pages and empty files
 * told apart from OPML. The parser then reads characters, so a wrong {@code encoding} declaration
 * cannot stop it.
 */
final class OpmlText {
    private static final Pattern LEADING_WHITESPACE_BEFORE_DECLARATION = Pattern.compile("^\\s+(?=<\\?xml[\\s?])");

    final String text;
    /** Lines dropped before the text starts, to add to the parser's line numbers. */
    final int lineOffset;

    private OpmlText(String text, int lineOffset) {
        this.text = text;
        this.lineOffset = lineOffset;
    }

    static OpmlText decode(byte[] bytes, Warnings warnings) throws OpmlException {
        String text = XmlCharset.decodeReplacing(bytes, warnings::add);
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
        return new OpmlText(text, lineOffset);
    }

    /**
     * Refuses a DOCTYPE with an internal subset ({@code <!DOCTYPE opml [ ... ]>}): that is where
     * entities are declared (XXE, billion laughs), and no real OPML file has one. A DOCTYPE without
     * one is harmless: the parser never loads external DTDs.
     */
    void rejectInternalSubset() throws OpmlException {
        int i = XmlRepairs.internalSubsetStart(text);
        if (i < 0) {
            return;
        }
        int line = 1 + lineOffset + (int) text.substring(0, i).chars().filter(ch -> ch == '\n').count();
        int column = i - (text.lastIndexOf('\n', i - 1) + 1) + 1;
        throw new OpmlException("refused: the DOCTYPE declares entities (XXE and entity expansion are not"
                + " allowed) (line " + line + ", column " + column + ")", line, column);
    }
}
