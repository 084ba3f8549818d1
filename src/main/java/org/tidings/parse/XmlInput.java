package org.tidings.parse;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.ProcessingInstruction;
import org.jdom2.UncheckedJDOMFactory;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;

/**
 * Bytes to a JDOM document, safely and leniently: charset detection (BOM, Content-Type, XML
 * declaration, then UTF-8 / windows-1252 fallbacks), a strict parse with DTD loading and external
 * entities off and entity expansion bounded, then on failure a repaired strict parse, then a
 * lenient parse ({@link LenientXml}).
 */
final class XmlInput {

    /** A document read, with what had to be repaired to read it. */
    record Result(Document document, boolean recovered, List<String> warnings) {}

    private static final int ENTITY_EXPANSION_LIMIT = 10_000;
    private static final int ENTITY_SIZE_LIMIT = 1_000_000;
    /** Elements nested deeper than this are refused (no feed needs it; it protects the stack). */
    static final int MAX_DEPTH = 500;

    private final ThreadLocal<SAXBuilder> builders = ThreadLocal.withInitial(XmlInput::newBuilder);

    private static SAXBuilder newBuilder() {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setJDOMFactory(new UncheckedJDOMFactory() {
            // JDOM parses a processing instruction's data as pseudo-attributes in quadratic time
            // (a 300 KB <?xml-stylesheet ...?> allocated 5 GB); no feed needs that data: drop it.
            @Override
            public ProcessingInstruction processingInstruction(int line, int col, String target, String data) {
                return super.processingInstruction(line, col, target);
            }
        });
        builder.setFeature("http://javax.xml.XMLConstants/feature/secure-processing", true);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setProperty("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit",
                String.valueOf(ENTITY_EXPANSION_LIMIT));
        builder.setProperty("http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit",
                String.valueOf(ENTITY_SIZE_LIMIT));
        builder.setProperty("http://www.oracle.com/xml/jaxp/properties/maxGeneralEntitySizeLimit",
                String.valueOf(ENTITY_SIZE_LIMIT));
        builder.setProperty("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_DEPTH));
        // Nothing is ever fetched: any external entity or DTD reads as empty.
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        builder.setExpandEntities(true);
        builder.setReuseParser(true);
        return builder;
    }

    Result read(byte[] bytes, @Nullable String contentType) throws FeedParseException {
        if (fastPathApplies(bytes, contentType)) {
            // The common case: well-formed, honestly declared. Xerces reads the bytes itself (BOM,
            // declaration); anything unusual fails here and takes the careful path below.
            try {
                return new Result(strictBytes(bytes), false, List.of());
            } catch (JDOMException e) {
                refuseIfEntityBomb(e);
            }
        }
        List<String> warnings = new ArrayList<>();
        String text = decode(bytes, contentType, warnings);
        boolean recovered = !warnings.isEmpty();

        int start = 0;
        while (start < text.length() && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\uFEFF')) {
            start++;
        }
        if (start > 0 && text.startsWith("<?xml", start)) {
            warnings.add("removed whitespace before the XML declaration");
            recovered = true;
        }
        int declaration = text.indexOf("<?xml", start);
        if (declaration > start && declaration < 65_536) {
            // Junk before the declaration (a PHP warning, a stray byte): what precedes it is not the feed.
            warnings.add("removed " + (declaration - start) + " characters before the XML declaration");
            recovered = true;
            start = declaration;
        }
        text = dropXmlDeclaration(text, start);

        boolean hasDoctype = hasDoctype(text);
        String entitiesFixed = replaceUndeclaredEntities(text, hasDoctype ? declaredEntities(text) : Set.of());
        if (entitiesFixed != text) {
            if (!hasDoctype) {
                warnings.add("replaced HTML entities that XML does not declare (such as &nbsp;)");
                recovered = true;
            }
            text = entitiesFixed;
        }

        String strictError;
        // The JDK's parser prints a stack trace to stderr (the terminal) when a document ends inside
        // its internal DTD subset: such documents only get the lenient reading.
        boolean openSubset = hasDoctype && internalSubsetIsOpen(text);
        try {
            if (openSubset) {
                throw new JDOMException("the document ends inside its DOCTYPE");
            }
            return new Result(strict(text), recovered, warnings);
        } catch (JDOMException e) {
            refuseIfEntityBomb(e);
            strictError = oneLine(e.getMessage());
        }

        List<String> repairs = new ArrayList<>();
        String repaired = stripInvalidCharacters(text);
        if (repaired != text) {
            repairs.add("removed control characters that XML forbids");
        }
        String escaped = escapeBareAmpersands(repaired);
        if (escaped != repaired) {
            repairs.add("escaped bare '&' characters");
        }
        repaired = escaped;
        if (!repairs.isEmpty() && !internalSubsetIsOpen(repaired)) {
            try {
                Document document = strict(repaired);
                warnings.addAll(repairs);
                return new Result(document, true, warnings);
            } catch (JDOMException e) {
                refuseIfEntityBomb(e);
            }
        }
        Document document = LenientXml.parse(repaired);
        if (document == null) {
            throw new FeedParseException("not XML: " + strictError);
        }
        warnings.addAll(repairs);
        warnings.add("not well-formed XML (" + strictError + "); read leniently");
        return new Result(document, true, warnings);
    }

    private Document strictBytes(byte[] bytes) throws JDOMException {
        try {
            return builders.get().build(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new JDOMException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // As in strict(String): JDOM refused what the XML parser let through; take the careful path.
            builders.remove();
            throw new JDOMException(e.getMessage(), e);
        }
    }

    /**
     * Whether the bytes can go straight to the XML parser: no Content-Type charset to honour, an
     * ASCII-compatible start with {@code <}, no DOCTYPE (whose entities need care), and not a
     * single-byte declaration over non-ASCII bytes (often UTF-8 in disguise).
     */
    private static boolean fastPathApplies(byte[] bytes, @Nullable String contentType) {
        if (contentType != null && CONTENT_TYPE_CHARSET.matcher(contentType).find()) {
            return false;
        }
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        if (bytes.length <= start || bytes[start] != '<') {
            return false;
        }
        int root = -1;
        for (int i = start; i + 1 < bytes.length; i++) {
            if (bytes[i] == '<') {
                byte next = bytes[i + 1];
                if (next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z') {
                    root = i;
                    break;
                }
                if (next == '!' && i + 2 < bytes.length && (bytes[i + 2] == 'D' || bytes[i + 2] == 'd')) {
                    return false;
                }
            }
        }
        if (root < 0) {
            return false;
        }
        String prolog = new String(bytes, start, Math.min(root - start, 400), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_ENCODING.matcher(prolog);
        if (declared.find()) {
            String name = declared.group(1).toLowerCase(Locale.ROOT);
            boolean latin = name.equals("iso-8859-1") || name.equals("latin-1") || name.equals("latin1")
                    || name.equals("windows-1252") || name.equals("cp1252") || name.equals("us-ascii")
                    || name.equals("ascii");
            boolean utf8 = name.equals("utf-8") || name.equals("utf8");
            // Xerces replaces bytes a declared charset cannot map instead of failing, so only UTF-8
            // (checked strictly by Xerces) and pure ASCII go the fast way.
            if (!utf8 && (!latin || hasHighBytes(bytes))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a DOCTYPE comes before the root element. */
    private static boolean hasDoctype(String text) {
        int i = text.indexOf('<');
        while (i >= 0 && i + 2 < text.length()) {
            char next = text.charAt(i + 1);
            if (Character.isLetter(next)) {
                return false;
            }
            if (next == '!' && (text.charAt(i + 2) == 'D' || text.charAt(i + 2) == 'd')) {
                return true;
            }
            i = text.indexOf('<', i + 1);
        }
        return false;
    }

    private Document strict(String text) throws JDOMException {
        try {
            return builders.get().build(new StringReader(text));
        } catch (IOException e) {
            throw new JDOMException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // JDOM refuses a name, namespace URI or text that the XML parser let through
            // (IllegalNameException, IllegalDataException): read the document leniently instead.
            builders.remove();
            throw new JDOMException(e.getMessage(), e);
        }
    }

    private static void refuseIfEntityBomb(JDOMException e) throws FeedParseException {
        String message = String.valueOf(e.getMessage());
        if (message.contains("maxElementDepth") || message.contains("JAXP00010007")) {
            throw new FeedParseException("refused: elements nested deeper than " + MAX_DEPTH, e);
        }
        if (message.contains("JAXP0001") || message.contains("entity expansion") || message.contains("EntityExpansion")
                || message.contains("accumulated size of entities")) {
            throw new FeedParseException("refused: the document expands too many entities (entity expansion limit "
                    + ENTITY_EXPANSION_LIMIT + " exceeded)", e);
        }
    }

    /**
     * Whether the first {@code <!DOCTYPE} opens an internal subset ({@code [}) that the text never
     * closes with {@code ]>} (quoted literals and comments skipped).
     */
    static boolean internalSubsetIsOpen(String text) {
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

    static String oneLine(@Nullable String message) {
        if (message == null) {
            return "unknown error";
        }
        return org.tidings.model.Messages.firstLine(message, 200);
    }

    // ---------------------------------------------------------------- charset

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:\\-]+)[\"']");
    private static final Pattern CONTENT_TYPE_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);

    /** Decodes the bytes with the first candidate charset that reads them without error. */
    static String decode(byte[] bytes, @Nullable String contentType, List<String> warnings) {
        int offset = 0;
        Charset bomCharset = null;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            bomCharset = StandardCharsets.UTF_8;
            offset = 3;
        } else if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            bomCharset = Charset.forName("UTF-32LE");
            offset = 4;
        } else if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            bomCharset = Charset.forName("UTF-32BE");
            offset = 4;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            bomCharset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            bomCharset = StandardCharsets.UTF_16LE;
            offset = 2;
        } else if (startsWith(bytes, 0x00, 0x3C, 0x00, 0x3F)) {
            bomCharset = StandardCharsets.UTF_16BE;
        } else if (startsWith(bytes, 0x3C, 0x00, 0x3F, 0x00)) {
            bomCharset = StandardCharsets.UTF_16LE;
        }
        String head = bomCharset != null && bomCharset != StandardCharsets.UTF_8
                ? new String(bytes, offset, Math.min(bytes.length - offset, 400), bomCharset)
                : new String(bytes, offset, Math.min(bytes.length - offset, 400), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_ENCODING.matcher(head.stripLeading());
        String declaredName = declared.find() ? declared.group(1) : null;

        LinkedHashSet<Charset> candidates = new LinkedHashSet<>();
        if (contentType != null) {
            Matcher m = CONTENT_TYPE_CHARSET.matcher(contentType);
            if (m.find()) {
                addCharset(candidates, m.group(1), bomCharset);
            }
        }
        Charset declaredCharset = null;
        if (declaredName != null) {
            declaredCharset = addCharset(candidates, declaredName, bomCharset);
        }
        if (bomCharset != null) {
            candidates.add(bomCharset);
        }
        candidates.add(StandardCharsets.UTF_8);
        candidates.add(Charset.forName("windows-1252"));
        candidates.add(Charset.forName("ISO-8859-2"));
        // A single-byte declaration on bytes that are valid UTF-8 with multi-byte sequences: the
        // declaration is wrong (a common server or CMS mistake); read UTF-8.
        Charset firstCandidate = candidates.isEmpty() ? null : candidates.iterator().next();
        if (firstCandidate != null && bomCharset == null && isLatin(firstCandidate) && hasHighBytes(bytes)) {
            String utf8 = tryDecode(bytes, offset, StandardCharsets.UTF_8);
            if (utf8 != null) {
                warnings.add("declared encoding " + firstCandidate.name() + " does not match the bytes; read as UTF-8");
                return utf8;
            }
        }
        boolean first = true;
        for (Charset charset : candidates) {
            String text = tryDecode(bytes, offset, charset);
            if (text == null && charset == StandardCharsets.UTF_8) {
                text = decodeTruncatedUtf8(bytes, offset);
                if (text != null) {
                    warnings.add("dropped an incomplete UTF-8 character at the end (truncated document)");
                    return text;
                }
            }
            if (text != null) {
                if (!first && declaredCharset != null) {
                    warnings.add("declared encoding " + declaredName + " does not match the bytes; read as "
                            + charset.name());
                }
                return text;
            }
            first = false;
        }
        return new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1);
    }

    private static boolean isLatin(Charset charset) {
        String name = charset.name();
        return name.equals("ISO-8859-1") || name.equals("windows-1252") || name.equals("US-ASCII");
    }

    private static boolean hasHighBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Charset addCharset(LinkedHashSet<Charset> candidates, String name,
            @Nullable Charset bomCharset) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean wide = lower.startsWith("utf-16") || lower.startsWith("utf16") || lower.startsWith("utf-32")
                || lower.startsWith("ucs");
        boolean bomWide = bomCharset != null && bomCharset != StandardCharsets.UTF_8;
        if (wide != bomWide) {
            // A declaration that contradicts the byte layout (e.g. "UTF-16" on single-byte text).
            return null;
        }
        if (wide) {
            return null; // the byte order mark or layout decides
        }
        try {
            // gb18030 is a superset of gb2312 that real "gb2312" feeds need
            Charset charset = Charset.forName(lower.equals("latin-1") ? "ISO-8859-1"
                    : lower.equals("gb2312") || lower.equals("gbk") ? "GB18030" : name);
            candidates.add(charset);
            return charset;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** UTF-8 whose only fault is a multi-byte character cut off by the end of the document. */
    private static @Nullable String decodeTruncatedUtf8(byte[] bytes, int offset) {
        int end = bytes.length;
        for (int back = 1; back <= 3 && end - back >= offset; back++) {
            int b = bytes[end - back] & 0xFF;
            if (b >= 0xC0) {
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                if (needed > back) {
                    byte[] head = java.util.Arrays.copyOfRange(bytes, offset, end - back);
                    return tryDecode(head, 0, StandardCharsets.UTF_8);
                }
                return null;
            }
            if (b < 0x80) {
                return null;
            }
        }
        return null;
    }

    private static @Nullable String tryDecode(byte[] bytes, int offset, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
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

    private static String dropXmlDeclaration(String text, int start) {
        if (text.startsWith("<?xml", start)) {
            int end = text.indexOf("?>", start);
            if (end > 0) {
                return text.substring(end + 2);
            }
        }
        return start == 0 ? text : text.substring(start);
    }

    // ---------------------------------------------------------------- repairs

    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final Pattern ENTITY_DECLARATION = Pattern.compile("<!ENTITY\\s+([^\\s%]+)");

    private static Set<String> declaredEntities(String text) {
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
    static String replaceUndeclaredEntities(String text, Set<String> declared) {
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        int length = text.length();
        Map<String, String> cache = new HashMap<>();
        while (amp >= 0) {
            int i = amp + 1;
            while (i < length && i - amp <= 32 && isNameChar(text.charAt(i))) {
                i++;
            }
            if (i < length && text.charAt(i) == ';' && i > amp + 1 && Character.isLetter(text.charAt(amp + 1))) {
                String name = text.substring(amp + 1, i);
                if (!XML_ENTITIES.contains(name) && !declared.contains(name)) {
                    String replacement = cache.computeIfAbsent(name, XmlInput::numericReference);
                    if (!replacement.isEmpty()) {
                        if (out == null) {
                            out = new StringBuilder(length + 64);
                        }
                        out.append(text, copied, amp).append(replacement);
                        copied = i + 1;
                    }
                }
            }
            amp = text.indexOf('&', amp + 1);
        }
        if (out == null) {
            return text;
        }
        out.append(text, copied, length);
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
    static String escapeBareAmpersands(String text) {
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        int length = text.length();
        while (amp >= 0) {
            if (!startsReference(text, amp)) {
                if (out == null) {
                    out = new StringBuilder(length + 64);
                }
                out.append(text, copied, amp).append("&amp;");
                copied = amp + 1;
            }
            amp = text.indexOf('&', amp + 1);
        }
        if (out == null) {
            return text;
        }
        out.append(text, copied, length);
        return out.toString();
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
    static String stripInvalidCharacters(String text) {
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
}
