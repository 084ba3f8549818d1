package org.tidings.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.ProcessingInstruction;
import org.jdom2.UncheckedJDOMFactory;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;

/**
 * The one safe reader of XML bytes. {@link #read} turns bytes into a JDOM document: charset
 * detection ({@link XmlCharset}), a strict parse with DTD loading and external entities off and
 * entity expansion and nesting bounded, then on failure a repaired strict parse ({@link
 * XmlRepairs}), then a lenient parse ({@link LenientXml}) that looks for the roots the caller
 * names. {@link #newStreamFactory} gives streaming readers (StAX) the same hardening. Thread-safe.
 */
public final class SafeXmlReader {

    private final LenientXml.Lenience lenience;

    /** @param lenience what the lenient last resort looks for in a broken document */
    public SafeXmlReader(LenientXml.Lenience lenience) {
        this.lenience = lenience;
    }

    private static final Pattern ROOT_ELEMENT = Pattern.compile("<([A-Za-z_][\\w:.-]*)");
    private static final Pattern PROLOG_PARTS = Pattern.compile("(?s)<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>]*>");

    /**
     * The root element's name as written ({@code prefix:local}), judged from the first 4 KB of the
     * bytes (byte order mark and UTF-16 honoured; declaration, comments and DOCTYPE skipped), without
     * parsing the document; null when no element starts there.
     */
    public static @Nullable String rootName(byte[] bytes) {
        XmlCharset.Bom bom = XmlCharset.bom(bytes);
        int length = Math.min(bytes.length - bom.length(), 4096);
        String head = bom.charset() == null || bom.charset() == StandardCharsets.UTF_8
                ? new String(bytes, bom.length(), length, StandardCharsets.ISO_8859_1)
                : new String(bytes, bom.length(), length, bom.charset());
        String withoutProlog = PROLOG_PARTS.matcher(head.stripLeading()).replaceAll("");
        Matcher root = ROOT_ELEMENT.matcher(withoutProlog);
        return root.find() ? root.group(1) : null;
    }

    /** A StAX factory (the JDK's own) that never reads a DTD or an external entity or schema. */
    public static XMLInputFactory newStreamFactory(boolean namespaceAware) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, namespaceAware);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** A document read, with what had to be repaired to read it. */
    public record Result(Document document, boolean recovered, List<String> warnings) {}

    private static final int ENTITY_EXPANSION_LIMIT = 10_000;
    private static final int ENTITY_SIZE_LIMIT = 1_000_000;
    /** Elements nested deeper than this are refused (no feed needs it; it protects the stack). */
    public static final int MAX_DEPTH = 500;

    private final ThreadLocal<SAXBuilder> builders = ThreadLocal.withInitial(SafeXmlReader::newBuilder);

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

    /**
     * Reads XML bytes: strictly when they are well-formed, else repaired, else leniently; {@code
     * contentType} is the HTTP header, for its charset (may be null).
     *
     * @throws XmlException when nothing can be read, or the document is refused (entity bomb, nesting)
     */
    public Result read(byte[] bytes, @Nullable String contentType) throws XmlException {
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
        String text = XmlCharset.decodeGuessing(bytes, contentType, warnings);
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
        text = XmlRepairs.dropXmlDeclaration(text, start);

        boolean hasDoctype = XmlRepairs.hasDoctype(text);
        String entitiesFixed = XmlRepairs.replaceUndeclaredEntities(text, hasDoctype ? XmlRepairs.declaredEntities(text) : Set.of());
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
        boolean openSubset = hasDoctype && XmlRepairs.internalSubsetIsOpen(text);
        try {
            if (openSubset) {
                throw new JDOMException("the document ends inside its DOCTYPE");
            }
            return new Result(strict(text), recovered, warnings);
        } catch (JDOMException e) {
            refuseIfEntityBomb(e);
            strictError = XmlException.oneLine(e.getMessage());
        }

        List<String> repairs = new ArrayList<>();
        String repaired = XmlRepairs.stripInvalidCharacters(text);
        if (repaired != text) {
            repairs.add("removed control characters that XML forbids");
        }
        String escaped = XmlRepairs.escapeBareAmpersands(repaired);
        if (escaped != repaired) {
            repairs.add("escaped bare '&' characters");
        }
        repaired = escaped;
        if (!repairs.isEmpty() && !XmlRepairs.internalSubsetIsOpen(repaired)) {
            try {
                Document document = strict(repaired);
                warnings.addAll(repairs);
                return new Result(document, true, warnings);
            } catch (JDOMException e) {
                refuseIfEntityBomb(e);
            }
        }
        Document document = LenientXml.parse(repaired, lenience);
        if (document == null) {
            throw new XmlException("not XML: " + strictError);
        }
        warnings.addAll(repairs);
        warnings.add("not well-formed XML (" + strictError + "); read leniently");
        return new Result(document, true, warnings);
    }

    private Document strictBytes(byte[] bytes) throws JDOMException {
        return strict(new InputSource(new ByteArrayInputStream(bytes)));
    }

    /**
     * Whether the bytes can go straight to the XML parser: no Content-Type charset to honour (or a
     * UTF-8 one the bytes' declaration agrees with, as most servers send), an
     * ASCII-compatible start with {@code <}, no DOCTYPE (whose entities need care), and not a
     * single-byte declaration over non-ASCII bytes (often UTF-8 in disguise).
     */
    private static final byte[] COMMENT_END = "-->".getBytes(StandardCharsets.US_ASCII);

    private static int indexOf(byte[] bytes, byte[] what, int from) {
        outer:
        for (int i = from; i + what.length <= bytes.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean fastPathApplies(byte[] bytes, @Nullable String contentType) {
        String header = XmlCharset.charsetParameter(contentType);
        boolean headerUtf8 = header != null && isUtf8(header);
        if (header != null && !headerUtf8) {
            return false;
        }
        int start = XmlCharset.startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
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
                if (next == '!' && i + 3 < bytes.length && bytes[i + 2] == '-' && bytes[i + 3] == '-') {
                    // a comment in the prolog: what it holds is neither the root nor a DOCTYPE
                    int end = indexOf(bytes, COMMENT_END, i + 4);
                    if (end < 0) {
                        return false;
                    }
                    i = end + COMMENT_END.length - 1;
                }
            }
        }
        if (root < 0) {
            return false;
        }
        String prolog = new String(bytes, start, Math.min(root - start, 400), StandardCharsets.ISO_8859_1);
        String declared = XmlCharset.declaredEncoding(prolog);
        if (headerUtf8) {
            // The header's UTF-8 wins over a declaration (RFC 7303): only when they agree does Xerces,
            // which reads the declaration, read the same characters.
            return declared == null || isUtf8(declared);
        }
        if (declared != null) {
            String name = declared.toLowerCase(Locale.ROOT);
            boolean latin = name.equals("iso-8859-1") || name.equals("latin-1") || name.equals("latin1")
                    || name.equals("windows-1252") || name.equals("cp1252") || name.equals("us-ascii")
                    || name.equals("ascii");
            boolean utf8 = name.equals("utf-8") || name.equals("utf8");
            // Xerces replaces bytes a declared charset cannot map instead of failing, so only UTF-8
            // (checked strictly by Xerces) and pure ASCII go the fast way.
            if (!utf8 && (!latin || XmlCharset.hasHighBytes(bytes))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8(String charset) {
        return charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
    }

    private Document strict(String text) throws JDOMException {
        return strict(new InputSource(new StringReader(text)));
    }

    private Document strict(InputSource input) throws JDOMException {
        try {
            return builders.get().build(input);
        } catch (IOException e) {
            throw new JDOMException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // JDOM refuses a name, namespace URI or text that the XML parser let through
            // (IllegalNameException, IllegalDataException): read the document leniently instead.
            builders.remove();
            throw new JDOMException(e.getMessage(), e);
        }
    }

    private static void refuseIfEntityBomb(JDOMException e) throws XmlException {
        String message = String.valueOf(e.getMessage());
        if (message.contains("maxElementDepth") || message.contains("JAXP00010007")) {
            throw new XmlException("refused: elements nested deeper than " + MAX_DEPTH, e);
        }
        if (message.contains("JAXP0001") || message.contains("entity expansion") || message.contains("EntityExpansion")
                || message.contains("accumulated size of entities")) {
            throw new XmlException("refused: the document expands too many entities (entity expansion limit "
                    + ENTITY_EXPANSION_LIMIT + " exceeded)", e);
        }
    }

}
