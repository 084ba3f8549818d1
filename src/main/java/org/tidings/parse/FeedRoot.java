package org.tidings.parse;

import static org.tidings.parse.Names.NS_ATOM03;
import static org.tidings.parse.Names.NS_ATOM10;
import static org.tidings.parse.Names.NS_RSS090;
import static org.tidings.parse.Names.ns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jspecify.annotations.Nullable;
import org.tidings.model.FeedFormat;
import org.tidings.xml.LenientXml;
import org.tidings.xml.SafeXmlReader;

/**
 * Where the feed is in a tree and which format it is: the root element and its version, a feed
 * wrapped in an (X)HTML page, or (in a broken document whose root was lost) the items that survive.
 */
final class FeedRoot {
    private FeedRoot() {}

    /** What the lenient reading of a broken document looks for: feed roots, feeds' undeclared prefixes, items. */
    static final LenientXml.Lenience LENIENCE = new LenientXml.Lenience(Set.of("rss", "feed", "RDF"),
            Map.of("dc", Names.NS_DC,
                    "content", Names.NS_CONTENT,
                    "media", Names.NS_MEDIA,
                    "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
                    "atom", Names.NS_ATOM10,
                    "rdf", Names.NS_RDF,
                    "sy", "http://purl.org/rss/1.0/modules/syndication/",
                    "slash", "http://purl.org/rss/1.0/modules/slash/",
                    "wfw", Names.NS_WFW,
                    "dcterms", Names.NS_DCTERMS),
            Set.of("item", "entry", "channel"));

    /** Elements nested deeper than this are not searched (the XML reader refuses deeper ones anyway). */
    private static final int MAX_DEPTH = SafeXmlReader.MAX_DEPTH;

    /** The format named by the root element, or null when the root is not a feed. */
    static @Nullable FeedFormat detect(Element root) {
        String name = root.getName();
        String uri = root.getNamespaceURI();
        String version = root.getAttributeValue("version", "").strip();
        if (name.equals("rss")) {
            return switch (version) {
                case "0.91" -> FeedFormat.RSS_091;
                case "0.92" -> FeedFormat.RSS_092;
                case "0.93" -> FeedFormat.RSS_093;
                case "0.94" -> FeedFormat.RSS_094;
                case "0.90", "0.9" -> FeedFormat.RSS_090;
                default -> FeedFormat.RSS_20;
            };
        }
        if (RdfMapper.isRdfRoot(root)) {
            for (Element child : root.getChildren()) {
                if (child.getNamespaceURI().equals(NS_RSS090)) {
                    return FeedFormat.RSS_090;
                }
            }
            return FeedFormat.RSS_10;
        }
        if (name.equals("feed")) {
            if (uri.equals(NS_ATOM03) || version.startsWith("0.")) {
                return FeedFormat.ATOM_03;
            }
            return FeedFormat.ATOM_10;
        }
        if (name.equals("channel")) {
            return FeedFormat.RSS_20;
        }
        if (name.equals("entry") && (uri.equals(NS_ATOM10) || uri.equals(NS_ATOM03) || uri.isEmpty())) {
            return uri.equals(NS_ATOM03) ? FeedFormat.ATOM_03 : FeedFormat.ATOM_10;
        }
        return null;
    }

    /** RSS when the tree holds {@code item} elements, Atom when it holds {@code entry} elements, else null. */
    static @Nullable FeedFormat detectByContent(Element root) {
        List<Element> found = new ArrayList<>();
        collect(root, "entry", found);
        if (!found.isEmpty()) {
            return FeedFormat.ATOM_10;
        }
        collect(root, "item", found);
        return found.isEmpty() ? null : FeedFormat.RSS_20;
    }

    /** Items (or entries) anywhere under the root, in document order, not looking inside one. */
    static void collect(Element parent, String local, List<Element> into) {
        collect(parent, local, into, 0);
    }

    private static void collect(Element parent, String local, List<Element> into, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Element child : parent.getChildren()) {
            if (child.getName().equalsIgnoreCase(local) && ns(child).isEmpty()) {
                into.add(child);
            } else if (!child.getChildren().isEmpty()) {
                collect(child, local, into, depth + 1);
            }
        }
    }

    /** Whether the root is an HTML page ({@code <html>}, in the XHTML namespace or none). */
    static boolean isHtmlPage(Element root) {
        String uri = root.getNamespaceURI();
        return root.getName().toLowerCase(Locale.ROOT).equals("html") && (uri.isEmpty() || uri.equals(Names.NS_XHTML));
    }

    /**
     * The first {@code <rss>}, {@code <feed>} or {@code <rdf:RDF>} inside an HTML page, made the
     * root of a document of its own (as feedparser reads such pages), or null when there is none.
     * The {@code xml:base} in scope where it sat is kept; a feed that inherited the page's XHTML
     * default namespace is moved back to no namespace (its elements were never XHTML).
     */
    static @Nullable Document unwrapFromHtml(Element html) {
        Element feed = firstFeed(html, 0);
        if (feed == null) {
            return null;
        }
        String base = inheritedBase(feed);
        feed.detach();
        if (base != null) {
            String own = feed.getAttributeValue("base", Namespace.XML_NAMESPACE);
            feed.setAttribute("base", own == null ? base : Urls.resolve(base, own.strip()), Namespace.XML_NAMESPACE);
        }
        if (feed.getNamespaceURI().equals(Names.NS_XHTML)) {
            leaveXhtml(feed, 0);
        }
        return new Document(feed);
    }

    private static @Nullable Element firstFeed(Element parent, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        for (Element child : parent.getChildren()) {
            String name = child.getName();
            if (name.equals("rss") || name.equals("feed") || RdfMapper.isRdfRoot(child)) {
                return child;
            }
            Element inner = firstFeed(child, depth + 1);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private static @Nullable String inheritedBase(Element feed) {
        String base = null;
        List<String> bases = new ArrayList<>();
        for (Element e = feed.getParentElement(); e != null; e = e.getParentElement()) {
            String value = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (value != null) {
                bases.add(value.strip());
            }
        }
        for (int i = bases.size() - 1; i >= 0; i--) {
            base = base == null ? bases.get(i) : Urls.resolve(base, bases.get(i));
        }
        return base;
    }

    private static void leaveXhtml(Element element, int depth) {
        if (element.getNamespaceURI().equals(Names.NS_XHTML) && element.getNamespacePrefix().isEmpty()) {
            element.setNamespace(Namespace.NO_NAMESPACE);
        }
        if (depth < MAX_DEPTH) {
            for (Element child : element.getChildren()) {
                leaveXhtml(child, depth + 1);
            }
        }
    }
}
