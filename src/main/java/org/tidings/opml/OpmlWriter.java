package org.tidings.opml;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Subscription;

/**
 * Writes an {@link OpmlDocument} as OPML 2.0 in UTF-8. Stateless and thread-safe; the date comes
 * from the document ({@link OpmlDocument#forExport}), so the output depends on nothing else.
 *
 * <p>Folders become nested outlines ({@code text} and {@code title}); feeds become {@code
 * <outline text title type="rss" xmlUrl htmlUrl category>}. The order is fixed: at each level
 * folders first, then feeds; folders by name and feeds by title (then URL), case-insensitively.
 * A feed without a title gets its URL as {@code text} (OPML requires one) and no {@code title};
 * {@link OpmlReader} reads that back as no title. Tags go to {@code category}, comma-separated; a
 * topic the user gave the feed to {@code tidings:topic} (empty for none), in {@link
 * #TIDINGS_NAMESPACE}, declared on {@code <opml>} only when some feed has one.
 */
public final class OpmlWriter {
    /** The spec the output follows, written to {@code head/docs}. */
    public static final String DOCS_URL = "https://opml.org/spec2.opml";
    /** The namespace of tidings' own outline attributes ({@code tidings:topic}). */
    public static final String TIDINGS_NAMESPACE = "https://tidings.invalid/opml";
    /** The head title when the document has none. */
    public static final String DEFAULT_TITLE = "tidings subscriptions";

    private static final String INDENT = "  ";
    private static final Comparator<String> BY_NAME =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());
    private static final Comparator<Subscription> BY_TITLE = Comparator
            .comparing((Subscription s) -> s.title() == null ? s.url() : s.title(), BY_NAME)
            .thenComparing(Subscription::url);

    /** The document as OPML text. */
    public String toXml(OpmlDocument document) {
        Objects.requireNonNull(document, "document");
        Folder root = tree(document);
        StringBuilder out = new StringBuilder(256 + document.subscriptions().size() * 200);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        boolean topics = document.subscriptions().stream().anyMatch(subscription -> subscription.topic() != null);
        out.append(topics ? "<opml version=\"2.0\" xmlns:tidings=\"" + TIDINGS_NAMESPACE + "\">\n" : "<opml version=\"2.0\">\n");
        out.append(INDENT).append("<head>\n");
        String title = document.title() == null || document.title().isBlank() ? DEFAULT_TITLE : document.title();
        element(out, 2, "title", title);
        if (document.dateCreated() != null) {
            element(out, 2, "dateCreated", Rfc822.format(document.dateCreated()));
        }
        element(out, 2, "docs", DOCS_URL);
        out.append(INDENT).append("</head>\n");
        out.append(INDENT).append("<body>\n");
        writeChildren(out, root, 2);
        out.append(INDENT).append("</body>\n");
        out.append("</opml>\n");
        return out.toString();
    }

    /** The document as OPML in UTF-8 bytes. */
    public byte[] toBytes(OpmlDocument document) {
        return toXml(document).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the document to {@code out} (not closed) in UTF-8. */
    public void write(OpmlDocument document, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        out.write(toBytes(document));
        out.flush();
    }

    private static Folder tree(OpmlDocument document) {
        Folder root = new Folder("");
        for (String folder : document.folders()) {
            root.descend(folder);
        }
        for (Subscription subscription : document.subscriptions()) {
            root.descend(subscription.folder()).feeds.add(subscription);
        }
        return root;
    }

    private static void writeChildren(StringBuilder out, Folder folder, int depth) {
        for (Folder child : folder.children.values()) {
            indent(out, depth).append("<outline");
            attribute(out, "text", child.name);
            attribute(out, "title", child.name);
            if (child.isEmpty()) {
                out.append("/>\n");
            } else {
                out.append(">\n");
                writeChildren(out, child, depth + 1);
                indent(out, depth).append("</outline>\n");
            }
        }
        List<Subscription> feeds = new ArrayList<>(folder.feeds);
        feeds.sort(BY_TITLE);
        for (Subscription feed : feeds) {
            indent(out, depth).append("<outline");
            String title = feed.title() == null || feed.title().isBlank() ? null : feed.title();
            attribute(out, "text", title == null ? feed.url() : title);
            if (title != null) {
                attribute(out, "title", title);
            }
            attribute(out, "type", "rss");
            attribute(out, "xmlUrl", feed.url());
            if (feed.siteUrl() != null && !feed.siteUrl().isBlank()) {
                attribute(out, "htmlUrl", feed.siteUrl());
            }
            if (feed.fullText()) {
                attribute(out, "fullText", "true");
            }
            String category = Tags.toCategory(feed.tags());
            if (!category.isEmpty()) {
                attribute(out, "category", category);
            }
            if (feed.topic() != null) {
                attribute(out, "tidings:topic", feed.topic());
            }
            out.append("/>\n");
        }
    }

    private static StringBuilder indent(StringBuilder out, int depth) {
        return out.append(INDENT.repeat(depth));
    }

    private static void element(StringBuilder out, int depth, String name, String text) {
        indent(out, depth).append('<').append(name).append('>');
        escape(out, text, false);
        out.append("</").append(name).append(">\n");
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("=\"");
        escape(out, value, true);
        out.append('"');
    }

    /**
     * XML escaping. In attributes, tab, newline and carriage return are written as references so
     * that they survive attribute-value normalization. Characters XML 1.0 cannot carry (controls,
     * lone surrogates, U+FFFE/U+FFFF) are dropped.
     */
    static void escape(StringBuilder out, String text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (isXmlChar(c)) {
                        out.append(c);
                    }
                }
            }
        }
    }

    private static boolean isXmlChar(char c) {
        return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    /** One folder of the output tree; children sorted by name. */
    private static final class Folder {
        final String name;
        final Map<String, Folder> children = new TreeMap<>(BY_NAME);
        final List<Subscription> feeds = new ArrayList<>();

        Folder(String name) {
            this.name = name;
        }

        /** The folder at {@code path} below this one, created as needed; this one for null. */
        Folder descend(@Nullable String path) {
            Folder folder = this;
            for (String segment : FolderPaths.segments(path)) {
                folder = folder.children.computeIfAbsent(segment, Folder::new);
            }
            return folder;
        }

        boolean isEmpty() {
            return children.isEmpty() && feeds.isEmpty();
        }
    }
}
