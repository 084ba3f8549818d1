package org.tidings.xml;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;

/**
 * Repairs of XML text that real documents need, and the look at a DOCTYPE that decides whether
 * they are safe: HTML entities XML does not declare, bare {@code &}, characters XML forbids, the
 * XML declaration, the internal DTD subset. Each repair returns the same instance when it changed
 * nothing, so a caller can tell (and warn) cheaply.
 */
public final class XmlRepairs {
    private XmlRepairs() {}

    /** Whether a DOCTYPE comes before the root element. */
    public static boolean hasDoctype(String text) {
        int i = text.indexOf('<');
        while (i >= 0 && i + 2 < text.length()) {
            char next = text.charAt(i + 1);
            if (Character.isLetter(next)) {
                return false;
            }
            if (next == '!' && (text.charAt(i + 2) == 'D' || text.charAt(i + 2) == 'd')) {
                return true;
            }
            if (text.startsWith("<!--", i)) {
                // a comment in the prolog: what it holds is neither the root nor a DOCTYPE
                int end = text.indexOf("-->", i + 4);
                if (end < 0) {
                    return false;
                }
                i = end + 2;
            }
            i = text.indexOf('<', i + 1);
        }
        return false;
    }

    /**
     * Whether the first {@code <!DOCTYPE} opens an internal subset ({@code [}) that the text never
     * closes with {@code ]>} (quoted literals and comments skipped).
     */
    public static boolean internalSubsetIsOpen(String text) {
        int i = text.indexOf("<!DOCTYPE");
        if (i < 0) {
            return false;
        }
        int length = text.length();
        boolean inSubset = false;
        for (i += 9; i < length; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int close = text.indexOf(c, i + 1);
                if (close < 0) {
                    return inSubset;
                }
                i = close;
            } else if (c == '<' && text.startsWith("<!--", i)) {
                int close = text.indexOf("-->", i + 4);
                if (close < 0) {
                    return inSubset;
                }
                i = close + 2;
            } else if (c == '[' && !inSubset) {
                inSubset = true;
            } else if (c == ']' && inSubset) {
                int j = i + 1;
                while (j < length && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                return j >= length;
            } else if (c == '>' && !inSubset) {
                return false;
            }
        }
        return inSubset;
    }

    /** The text from {@code start}, without the XML declaration there (the text is decoded already). */
    public static String dropXmlDeclaration(String text, int start) {
        if (text.startsWith("<?xml", start)) {
            int end = text.indexOf("?>", start);
            if (end > 0) {
                return text.substring(end + 2);
            }
        }
        return start == 0 ? text : text.substring(start);
    }

    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final Pattern ENTITY_DECLARATION = Pattern.compile("<!ENTITY\\s+([^\\s%]+)");

    /** The entity names the internal DTD subset declares. */
    public static Set<String> declaredEntities(String text) {
        int end = text.indexOf("]>");
        if (end < 0) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        Matcher m = ENTITY_DECLARATION.matcher(text.substring(0, end));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Replaces references to HTML named entities that XML does not know ({@code &nbsp;}) by
     * numeric character references. Returns the same instance when nothing changed.
     */
    public static String replaceUndeclaredEntities(String text, Set<String> declared) {
        int length = text.length();
        Map<String, String> cache = new HashMap<>();
        return rewriteAmpersands(text, amp -> {
            int i = amp + 1;
            while (i < length && i - amp <= 32 && isNameChar(text.charAt(i))) {
                i++;
            }
            if (i < length && text.charAt(i) == ';' && i > amp + 1 && Character.isLetter(text.charAt(amp + 1))) {
                String name = text.substring(amp + 1, i);
                if (!XML_ENTITIES.contains(name) && !declared.contains(name)) {
                    String replacement = cache.computeIfAbsent(name, XmlRepairs::numericReference);
                    if (!replacement.isEmpty()) {
                        return new Edit(i + 1, replacement);
                    }
                }
            }
            return null;
        });
    }

    /** A replacement of the text from an {@code &} up to {@code end} (exclusive). */
    private record Edit(int end, String replacement) {}

    /** Decides, for the {@code &} at an index, what replaces it (null: leave it). */
    private interface AmpersandRule {
        @Nullable Edit at(int amp);
    }

    /** The text with the rule applied at every {@code &}; the same instance when nothing changed. */
    private static String rewriteAmpersands(String text, AmpersandRule rule) {
        int amp = text.indexOf('&');
        StringBuilder out = null;
        int copied = 0;
        while (amp >= 0) {
            Edit edit = amp >= copied ? rule.at(amp) : null;
            if (edit != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 64);
                }
                out.append(text, copied, amp).append(edit.replacement());
                copied = edit.end();
            }
            amp = text.indexOf('&', amp + 1);
        }
        if (out == null) {
            return text;
        }
        out.append(text, copied, text.length());
        return out.toString();
    }

    private static String numericReference(String name) {
        String value = Entities.isNamedEntity(name) ? Entities.getByName(name) : "";
        if (value.isEmpty()) {
            return "";
        }
        StringBuilder reference = new StringBuilder();
        value.codePoints().forEach(cp -> reference.append("&#").append(cp).append(';'));
        return reference.toString();
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '#';
    }

    /** Escapes every {@code &} that does not start a character or entity reference. */
    public static String escapeBareAmpersands(String text) {
        return rewriteAmpersands(text, amp -> startsReference(text, amp) ? null : new Edit(amp + 1, "&amp;"));
    }

    private static boolean startsReference(String text, int amp) {
        int length = text.length();
        int i = amp + 1;
        if (i < length && text.charAt(i) == '#') {
            i++;
            boolean hex = i < length && (text.charAt(i) == 'x' || text.charAt(i) == 'X');
            if (hex) {
                i++;
            }
            int digits = i;
            while (i < length && (hex ? Character.digit(text.charAt(i), 16) >= 0 : Character.isDigit(text.charAt(i)))) {
                i++;
            }
            return i > digits && i < length && text.charAt(i) == ';';
        }
        int nameStart = i;
        while (i < length && i - amp <= 40 && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                || text.charAt(i) == '-' || text.charAt(i) == '.' || text.charAt(i) == ':')) {
            i++;
        }
        return i > nameStart && Character.isLetter(text.charAt(nameStart)) && i < length && text.charAt(i) == ';';
    }

    /** Removes characters XML 1.0 forbids (C0 controls other than tab/CR/LF, U+FFFE/FFFF, lone surrogates). */
    public static String stripInvalidCharacters(String text) {
        int length = text.length();
        int firstBad = -1;
        for (int i = 0; i < length; i++) {
            if (!allowed(text, i)) {
                firstBad = i;
                break;
            }
        }
        if (firstBad < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(length);
        out.append(text, 0, firstBad);
        for (int i = firstBad; i < length; i++) {
            if (allowed(text, i)) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    private static boolean allowed(String text, int i) {
        char c = text.charAt(i);
        if (c >= 0x20 && c < 0xD800) {
            return true;
        }
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        return true;
    }

    private static final Pattern KEPT_REFERENCE =
            Pattern.compile("&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|amp|lt|gt|quot|apos);");
    private static final Pattern NAMED_REFERENCE = Pattern.compile("&([A-Za-z][A-Za-z0-9]{1,31});");

    /**
     * Every {@code &} that does not start an XML reference repaired in one pass: HTML named
     * references ({@code &nbsp;}, {@code &eacute;}) become numeric references, anything else
     * (including names XML does not know) becomes {@code &amp;}. For documents that declare no
     * entities of their own (subscription lists).
     */
    public static String repairAmpersands(String text) {
        return rewriteAmpersands(text, amp -> {
            if (KEPT_REFERENCE.matcher(text).region(amp, text.length()).lookingAt()) {
                return null;
            }
            Matcher named = NAMED_REFERENCE.matcher(text).region(amp, text.length());
            if (named.lookingAt() && Entities.isNamedEntity(named.group(1))) {
                return new Edit(named.end(), numericReference(named.group(1)));
            }
            return new Edit(amp + 1, "&amp;");
        });
    }

    /**
     * Where the DOCTYPE's internal subset opens (the index of its {@code [}), or -1 when the
     * document has no DOCTYPE or one without a subset. The subset is where entities are declared.
     */
    public static int internalSubsetStart(String text) {
        int i = skipMisc(text, 0);
        if (!text.startsWith("<!DOCTYPE", i)) {
            return -1;
        }
        i += "<!DOCTYPE".length();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int close = text.indexOf(c, i + 1);
                if (close < 0) {
                    return -1; // unterminated literal: the parser reports it
                }
                i = close + 1;
            } else if (c == '[') {
                return i;
            } else if (c == '>') {
                return -1;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Skips whitespace, processing instructions and comments from {@code start}. */
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
}
