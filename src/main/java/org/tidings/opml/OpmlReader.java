package org.tidings.opml;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.tidings.xml.SafeXmlReader;
import org.tidings.xml.XmlRepairs;

/**
 * Reads OPML 1.0 and 2.0 subscription lists into an {@link OpmlDocument}. Thread-safe and
 * stateless apart from its limits; it never touches the network (the caller fetches URLs).
 *
 * <p>Nested outlines without {@code xmlUrl} are folders; their path joins the names with {@code
 * /} (a {@code /} inside a name becomes U+2215). Outlines with {@code xmlUrl} are feeds: title
 * from {@code text}, else {@code title}; tags from the comma-separated {@code category}. The full
 * rules are in {@code docs/OPML.md}.
 *
 * <p>Hostile input: DTDs are never processed, documents declaring entities are refused, external
 * resources are never fetched, the input is capped at {@link #DEFAULT_MAX_BYTES} and outlines at
 * {@link #MAX_DEPTH} levels.
 */
public final class OpmlReader {
    /** 10 MiB: far above any real subscription list. */
    public static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
    /** Outline nesting deeper than this is refused. */
    public static final int MAX_DEPTH = 64;
    /** Any element nesting deeper than this is refused (outlines sit at depth 3 and below). */
    static final int MAX_ELEMENT_DEPTH = 100;

    private static final Set<String> TT_RSS_SETTINGS = Set.of("tt-rss-prefs", "tt-rss-labels", "tt-rss-filters");
    private static final Set<String> KNOWN_VERSIONS = Set.of("1.0", "1.1", "2.0");

    private final int maxBytes;

    /** A reader accepting documents up to {@link #DEFAULT_MAX_BYTES}. */
    public OpmlReader() {
        this(DEFAULT_MAX_BYTES);
    }

    /** A reader accepting documents up to {@code maxBytes}. */
    public OpmlReader(int maxBytes) {
        if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** Reads a document from a file. */
    public OpmlDocument read(Path file) throws OpmlException, IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /**
     * Reads a document from a stream (not closed), reading at most the size limit plus one byte.
     */
    public OpmlDocument read(InputStream in) throws OpmlException, IOException {
        Objects.requireNonNull(in, "in");
        return read(readBounded(in, maxBytes, "OPML document"));
    }

    /** Reads a document from its raw bytes, in any encoding XML allows. */
    public OpmlDocument read(byte[] document) throws OpmlException {
        Objects.requireNonNull(document, "document");
        if (document.length > maxBytes) {
            throw tooLarge("OPML document", maxBytes);
        }
        Warnings decodingWarnings = new Warnings();
        OpmlText input = OpmlText.decode(document, decodingWarnings);
        input.rejectInternalSubset();
        try {
            return new Parse(input, decodingWarnings).run(input.text);
        } catch (XMLStreamException first) {
            String repaired = XmlRepairs.repairAmpersands(input.text);
            if (!repaired.equals(input.text)) {
                Warnings retryWarnings = new Warnings();
                decodingWarnings.toList().forEach(retryWarnings::add);
                retryWarnings.add("stray & characters and HTML entities were repaired");
                try {
                    return new Parse(input, retryWarnings).run(repaired);
                } catch (XMLStreamException second) {
                    // Report the first error: it is where the file really is broken.
                }
            }
            throw malformed(first, input.lineOffset);
        }
    }

    static byte[] readBounded(InputStream in, int maxBytes, String what) throws IOException, OpmlException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw tooLarge(what, maxBytes);
        }
        return bytes;
    }

    static OpmlException tooLarge(String what, int maxBytes) {
        return new OpmlException(what + " is larger than " + describeSize(maxBytes) + "; refused");
    }

    private static String describeSize(int bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes + " bytes";
    }

    private static OpmlException malformed(XMLStreamException e, int lineOffset) {
        Location location = e.getLocation();
        String message = e.getMessage() == null ? "unreadable XML" : e.getMessage();
        int marker = message.indexOf("Message: ");
        if (marker >= 0) {
            message = message.substring(marker + "Message: ".length());
        }
        message = Warnings.oneLine(message).strip();
        if (location == null || location.getLineNumber() < 0) {
            return new OpmlException("malformed OPML: " + message, -1, -1, e);
        }
        int line = location.getLineNumber() + lineOffset;
        int column = location.getColumnNumber();
        return new OpmlException(
                "malformed OPML at line " + line + ", column " + column + ": " + message, line, column, e);
    }

    /** One parse of one text: the state of the walk through the outlines. */
    private static final class Parse {
        private final OpmlText input;
        private final Warnings warnings;
        private final SubscriptionCollector collector;
        private final Deque<Frame> outlines = new ArrayDeque<>();
        private @Nullable String title;
        private @Nullable Instant dateCreated;
        private boolean sawBody;
        private @Nullable XMLStreamReader reader;

        Parse(OpmlText input, Warnings inherited) {
            this.input = input;
            this.warnings = new Warnings();
            inherited.toList().forEach(this.warnings::add);
            this.collector = new SubscriptionCollector(warnings);
        }

        OpmlDocument run(String text) throws XMLStreamException, OpmlException {
            XMLStreamReader xml = SafeXmlReader.newStreamFactory(false).createXMLStreamReader(new StringReader(text));
            this.reader = xml;
            try {
                walk(xml);
            } finally {
                xml.close();
            }
            return new OpmlDocument(
                    title, dateCreated, collector.subscriptions(), collector.folders(), warnings.toList());
        }

        private void walk(XMLStreamReader xml) throws XMLStreamException, OpmlException {
            // Element names from the root down; outlines get a Frame as well.
            Deque<String> path = new ArrayDeque<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    rejectEntityDeclarations(xml.getText());
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = localName(xml.getLocalName());
                    String parent = path.peek();
                    path.push(name);
                    if (parent == null) {
                        startRoot(name);
                    } else if (path.size() == 2 && name.equals("body")) {
                        sawBody = true;
                    } else if (path.size() == 3 && parent.equals("head")
                            && (name.equals("title") || name.equals("datecreated"))) {
                        readHeadField(xml, name);
                        path.pop();
                    } else if (name.equals("outline")) {
                        boolean topLevel = path.size() == 3 && parent.equals("body");
                        if (topLevel || (parent.equals("outline") && !outlines.isEmpty())) {
                            startOutline(xml); // below a skipped outline, this one is skipped too
                        } else {
                            outlines.push(Frame.skip());
                        }
                    }
                    if (path.size() > MAX_ELEMENT_DEPTH) {
                        throw positioned("elements are nested deeper than " + MAX_ELEMENT_DEPTH + " levels", xml);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    if (name.equals("outline")) {
                        outlines.pop();
                    }
                    if (path.isEmpty() && !sawBody) {
                        throw positioned("not an OPML document: no <body> element", xml);
                    }
                }
            }
        }

        private void startRoot(String name) throws OpmlException {
            XMLStreamReader xml = Objects.requireNonNull(reader);
            if (!name.equals("opml")) {
                throw positioned("not an OPML document: the root element is <" + xml.getLocalName() + ">, not <opml>", xml);
            }
            String version = attributes(xml).get("version");
            if (version != null && !KNOWN_VERSIONS.contains(version.strip())) {
                warnings.add("unknown OPML version " + Warnings.quote(version) + "; read as OPML 2.0");
            }
        }

        private void readHeadField(XMLStreamReader xml, String name) throws XMLStreamException {
            Location at = xml.getLocation();
            StringBuilder text = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    text.append(xml.getText());
                }
            }
            String value = text.toString().strip();
            if (value.isEmpty()) {
                return;
            }
            if (name.equals("title")) {
                title = value;
            } else {
                dateCreated = Rfc822.parse(value).orElse(null);
                if (dateCreated == null) {
                    warnings.add("line " + line(at) + ": unreadable dateCreated " + Warnings.quote(value) + "; ignored");
                }
            }
        }

        private void startOutline(XMLStreamReader xml) throws OpmlException {
            Frame parent = outlines.peek();
            if (parent != null && parent.kind == Kind.SKIP) {
                outlines.push(Frame.skip());
                return;
            }
            if (outlines.size() >= MAX_DEPTH) {
                throw positioned("outlines are nested deeper than " + MAX_DEPTH + " levels", xml);
            }
            @Nullable String folder = parent == null ? null : parent.folder;
            if (parent != null && parent.kind == Kind.FEED && !parent.warnedAboutChildren) {
                parent.warnedAboutChildren = true;
                warnings.add(parent.where + ": feed outline has child outlines; they were read into its folder");
            }
            Map<String, String> attributes = attributes(xml);
            String where = "line " + line(xml.getLocation());
            String text = blankToNull(attributes.get("text"));
            String titleAttribute = blankToNull(attributes.get("title"));
            String name = text != null ? text : titleAttribute;
            String type = Optional.ofNullable(attributes.get("type")).orElse("").strip().toLowerCase(Locale.ROOT);
            String xmlUrl = blankToNull(attributes.get("xmlurl"));
            if (xmlUrl == null && (type.equals("rss") || type.equals("atom")) && blankToNull(attributes.get("url")) != null) {
                xmlUrl = attributes.get("url");
            }

            if (xmlUrl != null && (type.contains("xpath") || type.contains("dotnotation"))) {
                warnings.add(where + ": skipped " + Warnings.quote(name == null ? xmlUrl : name)
                        + ": a web-scraping source (type " + Warnings.quote(type) + "), not a feed");
                outlines.push(new Frame(Kind.TRANSPARENT, folder, where));
            } else if (xmlUrl != null) {
                Optional<String> url = FeedUrls.feedUrl(xmlUrl, where, warnings);
                url.ifPresent(feedUrl -> collector.add(
                        feedUrl,
                        name == null || name.strip().equals(feedUrl) ? null : name.strip(),
                        FeedUrls.siteUrl(attributes.get("htmlurl"), where, warnings),
                        folder,
                        Tags.fromCategory(attributes.get("category")),
                        isTrue(attributes.get("fulltext")),
                        where));
                url.ifPresent(feedUrl -> collector.topic(feedUrl, attributes.get(TOPIC_KEY)));
                outlines.push(new Frame(Kind.FEED, folder, where));
            } else if (parent == null && name != null && TT_RSS_SETTINGS.contains(name.strip())) {
                warnings.add(where + ": skipped Tiny Tiny RSS settings " + Warnings.quote(name.strip()));
                outlines.push(Frame.skip());
            } else if (type.equals("link") || type.equals("include")) {
                warnings.add(where + ": skipped " + type + " outline "
                        + Warnings.quote(Objects.requireNonNullElse(attributes.get("url"), name == null ? "" : name))
                        + ": not a feed");
                outlines.push(new Frame(Kind.TRANSPARENT, folder, where));
            } else {
                String segment = FolderPaths.segment(name);
                if (segment == null) {
                    warnings.add(where + ": outline without text, title or xmlUrl; its children (if any) were read into the enclosing folder");
                    outlines.push(new Frame(Kind.TRANSPARENT, folder, where));
                } else {
                    String path = FolderPaths.child(folder, segment);
                    collector.addFolder(path);
                    outlines.push(new Frame(Kind.FOLDER, path, where));
                }
            }
        }

        private void rejectEntityDeclarations(String dtd) throws OpmlException {
            if (dtd.contains("<!ENTITY")) {
                throw positioned("refused: the DOCTYPE declares entities (XXE and entity expansion are not allowed)",
                        Objects.requireNonNull(reader));
            }
        }

        private OpmlException positioned(String problem, XMLStreamReader xml) {
            Location location = xml.getLocation();
            int line = line(location);
            int column = location == null ? -1 : location.getColumnNumber();
            return new OpmlException(problem + " (line " + line + ", column " + column + ")", line, column);
        }

        private int line(@Nullable Location location) {
            return location == null ? -1 : location.getLineNumber() + input.lineOffset;
        }

        /** Where {@link #attributes} keeps a feed's {@code tidings:topic} (docs/OPML.md; read by its prefix). */
        private static final String TOPIC_KEY = "tidings:topic";

        /** tidings' {@code fullText} attribute: "true" (or "1", "yes") turns full text on. */
        private static boolean isTrue(@Nullable String value) {
            return value != null && Set.of("true", "1", "yes").contains(value.strip().toLowerCase(Locale.ROOT));
        }

        /** Attributes without a namespace prefix, keyed by lower-case name; and {@link #TOPIC_KEY}. */
        private static Map<String, String> attributes(XMLStreamReader xml) {
            Map<String, String> attributes = new HashMap<>();
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                String prefix = xml.getAttributePrefix(i);
                if (prefix != null && !prefix.isEmpty()) {
                    if (prefix.equals("tidings") && xml.getAttributeLocalName(i).equals("topic")) {
                        attributes.put(TOPIC_KEY, xml.getAttributeValue(i));
                    }
                    continue;
                }
                String name = xml.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
                attributes.putIfAbsent(name, xml.getAttributeValue(i));
            }
            return attributes;
        }

        private static String localName(String name) {
            int colon = name.indexOf(':');
            return (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private enum Kind {
        /** A folder outline: its children are in {@code folder}. */
        FOLDER,
        /** A feed outline; children (unusual) are read into the feed's own folder. */
        FEED,
        /** Not a folder (no name, or a link): children are read into the enclosing folder. */
        TRANSPARENT,
        /** Ignored with everything below it. */
        SKIP
    }

    private static final class Frame {
        final Kind kind;
        final @Nullable String folder;
        final String where;
        boolean warnedAboutChildren;

        Frame(Kind kind, @Nullable String folder, String where) {
            this.kind = kind;
            this.folder = folder;
            this.where = where;
        }

        static Frame skip() {
            return new Frame(Kind.SKIP, null, "");
        }
    }
}
