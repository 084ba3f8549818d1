package org.tidings.parse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;
import org.tidings.model.FeedFormat;
import org.tidings.model.ParsedFeed;
import org.tidings.xml.LenientXml;
import org.tidings.xml.SafeXmlReader;
import org.tidings.xml.XmlException;

/**
 * Reads a feed document (RSS 0.90-2.0, RSS 1.0, Atom 0.3/1.0, JSON Feed 1.0/1.1) into the model,
 * normalized as docs/PARSING.md describes. Safe on hostile input (no DTD or external entity is
 * loaded, entity expansion and document size are bounded) and lenient on broken input (see
 * {@link ParsedFeed#recovered()}). Thread-safe: one instance can serve every thread.
 */
public final class FeedParser {
    /** Default bound on the document size: 20 MB. */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;

    private final long maxDocumentBytes;
    private final SafeXmlReader xml = new SafeXmlReader(FeedRoot.LENIENCE);

    public FeedParser() {
        this(DEFAULT_MAX_DOCUMENT_BYTES);
    }

    /** @param maxDocumentBytes documents larger than this are refused */
    public FeedParser(long maxDocumentBytes) {
        if (maxDocumentBytes <= 0) {
            throw new IllegalArgumentException("maxDocumentBytes <= 0: " + maxDocumentBytes);
        }
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /**
     * Parses one document.
     *
     * @param document the raw bytes as served
     * @param documentUrl where the document came from, for resolving relative links (may be null)
     * @param contentType the HTTP Content-Type header, for its charset (may be null)
     * @throws FeedParseException when the document is not a feed, even read leniently, or is refused
     *     (too large, entity bomb); the message is one line
     */
    public ParsedFeed parse(byte[] document, @Nullable URI documentUrl, @Nullable String contentType)
            throws FeedParseException {
        Objects.requireNonNull(document, "document");
        try {
            return read(document, documentUrl, contentType);
        } catch (RuntimeException | StackOverflowError e) {
            // A document the rules above did not foresee: one clear line, never a crash of the caller.
            throw new FeedParseException("could not read the document: " + XmlException.oneLine(String.valueOf(e)), e);
        }
    }

    private ParsedFeed read(byte[] document, @Nullable URI documentUrl, @Nullable String contentType)
            throws FeedParseException {
        if (document.length > maxDocumentBytes) {
            throw new FeedParseException("refused: the document has " + document.length
                    + " bytes, more than the limit of " + maxDocumentBytes);
        }
        String base = documentUrl == null ? null : documentUrl.toString();
        if (JsonFeedMapper.looksLikeJson(document)) {
            return JsonFeedMapper.parse(document, base);
        }
        if (isBlank(document)) {
            throw new FeedParseException("empty document");
        }
        SafeXmlReader.Result read;
        try {
            read = xml.read(document, contentType);
        } catch (XmlException e) {
            throw new FeedParseException(String.valueOf(e.getMessage()), e);
        }
        Document tree = read.document();
        boolean recovered = read.recovered();
        List<String> warnings = new ArrayList<>(read.warnings());
        Element root = tree.getRootElement();
        FeedFormat detected = FeedRoot.detect(root);
        if (detected == null && FeedRoot.isHtmlPage(root)) {
            Document inner = FeedRoot.unwrapFromHtml(root);
            if (inner != null) {
                tree = inner;
                root = inner.getRootElement();
                detected = FeedRoot.detect(root);
                recovered = true;
                warnings.add("the feed was wrapped in an HTML page; read the <" + root.getName() + "> inside it");
            }
        }
        if (detected == null && read.recovered()) {
            // A broken document whose feed root was lost (a damaged start tag): if items or
            // entries survive anywhere, read them, as a person skimming the text would.
            detected = FeedRoot.detectByContent(root);
        }
        if (detected == null && read.recovered() && root.getName().equals(LenientXml.STAND_IN)) {
            throw new FeedParseException("not a feed: nothing in the broken document reads as RSS or Atom");
        }
        if (detected == null) {
            throw new FeedParseException("not a feed: the root element is <" + root.getName() + ">");
        }
        RomeHints.Result rome = RomeHints.read(tree);
        FeedFormat format = rome.format() != null && sameFamily(rome.format(), detected) ? rome.format() : detected;
        XmlFeedMapper.Mapped mapped = XmlFeedMapper.map(tree, format, base);
        return new ParsedFeed(format, mapped.title(), mapped.link(), mapped.description(), mapped.language(),
                mapped.entries(), rome.hints(), recovered, List.copyOf(warnings));
    }

    private static boolean sameFamily(FeedFormat a, FeedFormat b) {
        return isAtom(a) == isAtom(b);
    }

    private static boolean isAtom(FeedFormat format) {
        return format == FeedFormat.ATOM_03 || format == FeedFormat.ATOM_10;
    }

    private static boolean isBlank(byte[] document) {
        for (byte b : document) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
