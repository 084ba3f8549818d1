package org.tidings.parse;

import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Entry;
import org.tidings.model.FeedFormat;

/**
 * Maps an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) JDOM tree to the model, field by field, with the
 * rules of docs/PARSING.md. Reads the tree directly where Rome's objects lose what the rules need
 * (xml:base, the raw date text, Atom text types, document order across elements).
 *
 * <p>One class per format family: {@link RssMapper} (RSS 0.9x/2.0), {@link RdfMapper} (RSS
 * 1.0/0.90), {@link AtomMapper} (Atom); items through {@link RssItems}; and the element helpers
 * they share: {@link Names} (namespaces), {@link Links} (xml:base, which link is the link),
 * {@link TextConstructs} (titles, content, summaries), {@link MediaElements} (enclosures, Media
 * RSS), {@link Authors}, {@link Categories} and {@link Dates}.
 */
final class XmlFeedMapper {
    private XmlFeedMapper() {}

    /** What the mapper reads out of a document, before Rome adds the polling hints. */
    record Mapped(FeedFormat format, @Nullable String title, @Nullable String link, @Nullable String description,
            @Nullable String language, List<Entry> entries) {}

    static Mapped map(Document document, FeedFormat format, @Nullable String documentUrl) {
        Element root = document.getRootElement();
        Links links = new Links(documentUrl);
        if (format == FeedFormat.ATOM_03 || format == FeedFormat.ATOM_10) {
            return AtomMapper.map(root, format, links);
        }
        return RdfMapper.isRdfRoot(root) ? RdfMapper.map(root, format, links) : RssMapper.map(root, format, links);
    }
}
