package org.tidings.parse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Attribute;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Text;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Enclosure;
import org.tidings.model.Entry;
import org.tidings.model.FeedFormat;
import org.tidings.model.Media;

/**
 * Maps an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) JDOM tree to the model, field by field, with the
 * rules of docs/PARSING.md. Reads the tree directly where Rome's objects lose what the rules need
 * (xml:base, the raw date text, Atom text types, document order across elements).
 */
final class XmlFeedMapper {

    /** What the mapper reads out of a document, before Rome adds the polling hints. */
    record Mapped(FeedFormat format, @Nullable String title, @Nullable String link, @Nullable String description,
            @Nullable String language, List<Entry> entries) {}

    static final String NS_DC = "http://purl.org/dc/elements/1.1/";
    static final String NS_DCTERMS = "http://purl.org/dc/terms/";
    static final String NS_CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String NS_MEDIA = "http://search.yahoo.com/mrss/";
    static final String NS_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String NS_ATOM10 = "http://www.w3.org/2005/Atom";
    static final String NS_ATOM03 = "http://purl.org/atom/ns#";
    static final String NS_RSS10 = "http://purl.org/rss/1.0/";
    static final String NS_RSS090 = "http://my.netscape.com/rdf/simple/0.9/";
    static final String NS_WFW = "http://wellformedweb.org/CommentAPI/";

    /** The canonical prefix of an element's namespace: "" for RSS and Atom core, else a short name. */
    static String ns(Element element) {
        String uri = element.getNamespaceURI();
        if (uri.isEmpty()) {
            return "";
        }
        switch (uri) {
            case NS_ATOM10, NS_ATOM03, NS_RSS10, NS_RSS090, "http://backend.userland.com/rss",
                    "http://blogs.law.harvard.edu/tech/rss", "http://purl.org/rss/1.0/modules/rss091#",
                    "http://purl.org/echo/", "http://purl.org/pie/", "http://example.com/newformat#",
                    "http://example.com/necho", "uri/of/echo/namespace#":
                return "";
            case NS_DC:
                return "dc";
            case NS_DCTERMS:
                return "dcterms";
            case NS_CONTENT:
                return "content";
            case NS_RDF:
                return "rdf";
            case NS_WFW:
                return "wfw";
            default:
                break;
        }
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://www.itunes.com/dtds/podcast-1.0.dtd") || lower.equals("https://www.itunes.com/dtds/podcast-1.0.dtd")) {
            return "itunes";
        }
        if (lower.startsWith("http://search.yahoo.com/mrss") || lower.startsWith("https://search.yahoo.com/mrss")
                || lower.equals("http://video.search.yahoo.com/mrss")) {
            return "media";
        }
        if (lower.contains("backend.userland.com/rss")) {
            return "";
        }
        if (lower.equals("http://purl.org/dc/elements/1.1")) {
            return "dc";
        }
        // An unknown namespace URI (a typo, a variant spelling): the prefix as written decides, as
        // in the reference parser, when it is one of the well-known module prefixes.
        String prefix = element.getNamespacePrefix();
        if (KNOWN_PREFIXES.contains(prefix)) {
            return prefix;
        }
        return uri;
    }

    private static final java.util.Set<String> KNOWN_PREFIXES =
            java.util.Set.of("dc", "dcterms", "content", "media", "itunes", "wfw");

    private static boolean is(Element element, String prefix, String local) {
        return element.getName().equals(local) && ns(element).equals(prefix);
    }

    private final @Nullable String documentUrl;
    private final boolean atom;

    private XmlFeedMapper(@Nullable String documentUrl, boolean atom) {
        this.documentUrl = documentUrl;
        this.atom = atom;
    }

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
        if (name.equals("RDF") || name.equals("rdf")) {
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
        collect(root, "entry", found, 0);
        if (!found.isEmpty()) {
            return FeedFormat.ATOM_10;
        }
        collect(root, "item", found, 0);
        return found.isEmpty() ? null : FeedFormat.RSS_20;
    }

    static Mapped map(Document document, FeedFormat format, @Nullable String documentUrl) {
        Element root = document.getRootElement();
        boolean atom = format == FeedFormat.ATOM_03 || format == FeedFormat.ATOM_10;
        XmlFeedMapper mapper = new XmlFeedMapper(documentUrl, atom);
        return atom ? mapper.mapAtom(root, format) : mapper.mapRss(root, format);
    }

    // ------------------------------------------------------------------ RSS

    private Mapped mapRss(Element root, FeedFormat format) {
        Element channel = root.getName().equals("channel") ? root : null;
        if (channel == null) {
            for (Element child : root.getChildren()) {
                if (is(child, "", "channel")) {
                    channel = child;
                    break;
                }
            }
        }
        String title = null;
        String link = null;
        String description = null;
        String language = null;
        if (channel != null) {
            for (Element child : channel.getChildren()) {
                String prefix = ns(child);
                String name = lower(child.getName());
                if ((prefix.isEmpty() || prefix.equals("dc")) && name.equals("title")) {
                    title = rssText(child);
                } else if (prefix.isEmpty() && name.equals("link")) {
                    String value = linkValue(child);
                    if (value != null) {
                        link = value;
                    }
                } else if (prefix.isEmpty() && name.equals("description")) {
                    description = HtmlText.toPlainText(child.getText());
                } else if ((prefix.isEmpty() || prefix.equals("dc")) && name.equals("language")) {
                    language = HtmlText.collapse(child.getText());
                }
            }
        }
        List<Element> items = new ArrayList<>();
        collect(root, "item", items, 0);
        String feedLink = link;
        List<Entry> entries = new ArrayList<>(items.size());
        for (Element item : items) {
            entries.add(rssEntry(item, feedLink));
        }
        return new Mapped(format, title, link, description, language, entries);
    }

    /** Items (or entries) anywhere under the root, in document order, not looking inside one. */
    private static void collect(Element parent, String local, List<Element> into, int depth) {
        if (depth > XmlInput.MAX_DEPTH) {
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

    /** An RSS {@code link}: its text, or the href of an Atom-style link that is an HTML alternate. */
    private @Nullable String linkValue(Element link) {
        String href = link.getAttributeValue("href");
        if (href == null) {
            String text = link.getTextTrim();
            text = text.replace("&amp;", "&");
            return text.isEmpty() ? "" : resolve(link, text);
        }
        String rel = link.getAttributeValue("rel", "alternate").strip();
        String type = link.getAttributeValue("type");
        if (rel.equals("alternate") && isHtmlType(type == null ? "text/html" : type)) {
            return resolve(link, href);
        }
        return null;
    }

    /** What has been read of one RSS item so far (document order: later elements win, like the reference parser). */
    private static final class ItemState {
        @Nullable String id;
        @Nullable String link;
        boolean hasLink;
        @Nullable String guidLink;
        @Nullable String title;
        @Nullable String published;
        @Nullable String dcDate;
        @Nullable String updated;
        @Nullable String contentHtml;
        @Nullable String descriptionHtml;
        @Nullable String comments;
        final Authors authors = new Authors();
        final Categories categories = new Categories();
        final List<Enclosure> enclosures = new ArrayList<>();
        final List<Media> media = new ArrayList<>();
    }

    private Entry rssEntry(Element item, @Nullable String feedLink) {
        ItemState st = new ItemState();
        String about = item.getAttributeValue("about", Namespace.getNamespace(NS_RDF));
        if (about != null && !about.isBlank()) {
            st.id = about.strip();
        }
        rssChildren(item, st, 0, false);
        String link = st.link;
        if (!st.hasLink && st.guidLink != null) {
            link = st.guidLink;
        }
        link = finishLink(link, feedLink);
        Instant publishedAt = Dates.parse(st.published);
        if (st.published == null) {
            publishedAt = Dates.parse(st.dcDate);
        }
        String body = st.contentHtml != null ? st.contentHtml : st.descriptionHtml;
        String summarySource = st.descriptionHtml != null ? st.descriptionHtml : st.contentHtml;
        return new Entry(emptyToNull(st.id), link, st.title, publishedAt, Dates.parse(st.updated),
                st.authors.first(), st.categories.terms(), st.enclosures, st.media, body, summary(summarySource),
                st.comments);
    }

    private void rssChildren(Element parent, ItemState st, int depth, boolean inImage) {
        for (Element child : parent.getChildren()) {
            String prefix = ns(child);
            String name = lower(child.getName());
            boolean descend = false;
            switch (prefix) {
                case "" -> {
                    switch (name) {
                        case "title" -> st.title = rssText(child);
                        case "link" -> {
                            if (inImage) {
                                // an image's link is not the item's link
                            } else if (child.getAttribute("href") != null) {
                                atomLink(child, st.enclosures);
                                String value = linkValue(child);
                                if (value != null) {
                                    st.link = value;
                                    st.hasLink = true;
                                }
                            } else {
                                st.link = linkValue(child);
                                st.hasLink = true;
                            }
                        }
                        case "guid", "id" -> {
                            st.id = child.getTextTrim();
                            boolean permalink = attribute(child, "ispermalink", "true").equals("true");
                            st.guidLink = permalink && !st.id.isEmpty() ? resolve(child, st.id) : null;
                        }
                        case "pubdate", "published", "issued" -> st.published = child.getText();
                        case "updated", "modified" -> st.updated = child.getText();
                        case "description", "summary" -> st.descriptionHtml = htmlOf(child);
                        case "author" -> {
                            if (child.getChildren().isEmpty()) {
                                st.authors.addText(child);
                            } else {
                                st.authors.addAtom(child);
                            }
                        }
                        case "category" -> {
                            st.categories.add(child);
                            descend = true;
                        }
                        case "tags" -> {
                            for (String tag : child.getText().split(",")) {
                                st.categories.addTerm(tag.strip());
                            }
                        }
                        case "enclosure" -> enclosure(child, st.enclosures);
                        case "comments" -> st.comments = HtmlText.collapse(child.getText());
                        case "content" -> st.contentHtml = atomContentHtml(child);
                        case "source" -> { }
                        default -> descend = true;
                    }
                }
                case "dc" -> {
                    switch (name) {
                        case "title" -> st.title = rssText(child);
                        case "creator", "author" -> st.authors.addText(child);
                        case "subject" -> st.categories.add(child);
                        case "date" -> st.dcDate = child.getText();
                        default -> { }
                    }
                }
                case "dcterms" -> {
                    switch (name) {
                        case "issued" -> st.published = child.getText();
                        case "modified" -> st.updated = child.getText();
                        default -> { }
                    }
                }
                case "content" -> {
                    if (name.equals("encoded")) {
                        st.contentHtml = child.getText();
                    }
                }
                case "itunes" -> {
                    if (name.equals("author")) {
                        st.authors.itunes(child.getText());
                    }
                }
                case "media" -> media(child, st.media);
                case "wfw" -> {
                    if (name.equals("commentrss") && st.comments == null) {
                        st.comments = HtmlText.collapse(child.getText());
                    }
                }
                default -> { }
            }
            if (descend && depth < 8 && !child.getChildren().isEmpty()) {
                rssChildren(child, st, depth + 1, inImage || name.equals("image"));
            }
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** An attribute by its lower-case name, whatever the case in the document. */
    private static String attribute(Element element, String lowerName, String fallback) {
        for (Attribute attribute : element.getAttributes()) {
            if (attribute.getName().equalsIgnoreCase(lowerName)) {
                return attribute.getValue();
            }
        }
        return fallback;
    }

    /** RSS text that may be HTML: HTML when it looks like HTML (or carries markup), else plain. */
    private static @Nullable String rssText(Element element) {
        String type = element.getAttributeValue("type");
        if (type != null && (isHtmlType(type) || isBase64Type(type.strip().toLowerCase(Locale.ROOT)))
                || element.getAttributeValue("mode", "").equals("base64")) {
            return atomText(element);
        }
        if (hasElementChildren(element)) {
            return HtmlText.toPlainText(innerXml(element));
        }
        String text = element.getText();
        if (HtmlText.looksLikeHtml(text)) {
            return HtmlText.toPlainText(text);
        }
        return HtmlText.collapse(text);
    }

    private static @Nullable String htmlOf(Element element) {
        if (hasElementChildren(element)) {
            return innerXml(element);
        }
        return element.getText();
    }

    // ------------------------------------------------------------------ Atom

    private Mapped mapAtom(Element root, FeedFormat format) {
        if (root.getName().equals("entry")) {
            return new Mapped(format, null, null, null, null, List.of(atomEntry(root, null)));
        }
        String title = null;
        String link = null;
        String description = null;
        String language = root.getAttributeValue("lang", Namespace.XML_NAMESPACE);
        for (Element child : root.getChildren()) {
            if (!ns(child).isEmpty()) {
                if (is(child, "dc", "title")) {
                    title = atomText(child);
                }
                continue;
            }
            switch (lower(child.getName())) {
                case "title" -> title = atomText(child);
                case "link" -> {
                    String value = atomAlternate(child);
                    if (value != null) {
                        link = value;
                    }
                }
                case "subtitle", "tagline" -> description = atomText(child);
                default -> { }
            }
        }
        Authors feedAuthors = new Authors();
        for (Element child : root.getChildren()) {
            if (ns(child).isEmpty() && lower(child.getName()).equals("author")) {
                feedAuthors.addAtom(child);
            }
        }
        List<Element> items = new ArrayList<>();
        collect(root, "entry", items, 0);
        List<Entry> entries = new ArrayList<>(items.size());
        for (Element item : items) {
            Entry entry = atomEntry(item, link);
            if (entry.author() == null && feedAuthors.first() != null && !hasAuthor(item)) {
                // RFC 4287 4.2.1: an entry without an author has the feed's author
                entry = new Entry(entry.id(), entry.link(), entry.title(), entry.published(), entry.updated(),
                        feedAuthors.first(), entry.categories(), entry.enclosures(), entry.media(),
                        entry.contentHtml(), entry.summary(), entry.commentsUrl());
            }
            entries.add(entry);
        }
        return new Mapped(format, title, link, description, language, entries);
    }

    private static boolean hasAuthor(Element entry) {
        for (Element child : entry.getChildren()) {
            String name = lower(child.getName());
            String prefix = ns(child);
            if (prefix.isEmpty() && name.equals("author") || prefix.equals("dc") && name.equals("creator")
                    || prefix.equals("itunes") && name.equals("author")) {
                return true;
            }
        }
        return false;
    }

    private @Nullable String atomAlternate(Element link) {
        String href = link.getAttributeValue("href");
        if (href == null) {
            String text = link.getTextTrim();
            return text.isEmpty() ? null : resolve(link, text);
        }
        String rel = link.getAttributeValue("rel", "alternate").strip();
        String type = link.getAttributeValue("type", rel.equals("self") ? "application/atom+xml" : "text/html");
        if (rel.equals("alternate") && isHtmlType(type)) {
            return resolve(link, href);
        }
        return null;
    }

    private Entry atomEntry(Element entry, @Nullable String feedLink) {
        String id = null;
        String link = null;
        String title = null;
        String published = null;
        String dcDate = null;
        String updated = null;
        String content = null;
        String summary = null;
        Authors authors = new Authors();
        Categories categories = new Categories();
        List<Enclosure> enclosures = new ArrayList<>();
        List<Media> media = new ArrayList<>();
        String comments = null;
        for (Element child : entry.getChildren()) {
            String prefix = ns(child);
            String name = lower(child.getName());
            switch (prefix) {
                case "" -> {
                    switch (name) {
                        case "id", "guid" -> id = child.getTextTrim();
                        case "title" -> title = atomText(child);
                        case "link" -> {
                            String value = atomAlternate(child);
                            if (value != null) {
                                link = value;
                            }
                            atomLink(child, enclosures);
                            String rel = child.getAttributeValue("rel", "");
                            if (rel.equals("replies") && comments == null) {
                                comments = child.getAttributeValue("href");
                            }
                        }
                        case "published", "issued", "pubdate" -> published = child.getText();
                        case "updated", "modified" -> updated = child.getText();
                        case "author" -> authors.addAtom(child);
                        case "category" -> categories.add(child);
                        case "content" -> content = atomContentHtml(child);
                        case "summary" -> summary = atomContentHtml(child);
                        default -> { }
                    }
                }
                case "dc" -> {
                    switch (name) {
                        case "title" -> title = atomText(child);
                        case "creator" -> authors.addText(child);
                        case "subject" -> categories.add(child);
                        case "date" -> dcDate = child.getText();
                        default -> { }
                    }
                }
                case "dcterms" -> {
                    switch (name) {
                        case "issued" -> published = child.getText();
                        case "modified" -> updated = child.getText();
                        default -> { }
                    }
                }
                case "content" -> {
                    if (name.equals("encoded") && content == null) {
                        content = child.getText();
                    }
                }
                case "itunes" -> {
                    if (name.equals("author")) {
                        authors.itunes(child.getText());
                    }
                }
                case "media" -> media(child, media);
                default -> { }
            }
        }
        link = finishLink(link, feedLink);
        Instant publishedAt = Dates.parse(published);
        if (published == null) {
            publishedAt = Dates.parse(dcDate);
        }
        String body = content != null ? content : summary;
        return new Entry(emptyToNull(id), link, title, publishedAt, Dates.parse(updated), authors.first(),
                categories.terms(), enclosures, media, body, summary(summary != null ? summary : content), comments);
    }

    /** An Atom (or Atom-in-RSS) {@code link rel="enclosure"} becomes an enclosure. */
    private void atomLink(Element link, List<Enclosure> enclosures) {
        String rel = link.getAttributeValue("rel", "alternate").strip();
        if (!rel.equals("enclosure")) {
            return;
        }
        String href = link.getAttributeValue("href");
        if (href == null) {
            href = link.getTextTrim();
        }
        if (href.isBlank()) {
            return;
        }
        enclosures.add(new Enclosure(resolve(link, href), emptyToNull(HtmlText.collapse(link.getAttributeValue("type"))),
                length(link.getAttributeValue("length"))));
    }

    private static void enclosure(Element enclosure, List<Enclosure> enclosures) {
        String url = enclosure.getAttributeValue("url");
        if (url == null) {
            url = enclosure.getAttributeValue("href");
        }
        if (url == null || url.isBlank()) {
            return;
        }
        enclosures.add(new Enclosure(url.strip(), emptyToNull(HtmlText.collapse(enclosure.getAttributeValue("type"))),
                length(enclosure.getAttributeValue("length"))));
    }

    private static @Nullable Long length(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String digits = value.strip();
        if (digits.isEmpty() || digits.length() > 18) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(digits);
    }

    private void media(Element element, List<Media> media) {
        String name = element.getName();
        if (name.equals("group")) {
            for (Element child : element.getChildren()) {
                if (ns(child).equals("media")) {
                    media(child, media);
                }
            }
            return;
        }
        if (!name.equals("content") && !name.equals("thumbnail")) {
            return;
        }
        String url = element.getAttributeValue("url");
        if (url == null || url.isBlank()) {
            return;
        }
        media.add(new Media(resolve(element, url), emptyToNull(element.getAttributeValue("type")),
                emptyToNull(element.getAttributeValue("medium")), integer(element.getAttributeValue("width")),
                integer(element.getAttributeValue("height")), name.equals("thumbnail")));
    }

    private static @Nullable Integer integer(@Nullable String value) {
        Long number = length(value);
        return number == null || number > Integer.MAX_VALUE ? null : number.intValue();
    }

    /** Text of an Atom text construct (title, subtitle): plain text whatever its type. */
    private static @Nullable String atomText(Element element) {
        String type = element.getAttributeValue("type", "text").strip().toLowerCase(Locale.ROOT);
        String mode = element.getAttributeValue("mode", "").strip().toLowerCase(Locale.ROOT);
        if (mode.equals("base64") || isBase64Type(type)) {
            String decoded = base64(element.getText());
            if (decoded != null) {
                return isHtmlType(type) ? HtmlText.toPlainText(decoded) : HtmlText.collapse(decoded);
            }
        }
        if (hasElementChildren(element)) {
            return HtmlText.toPlainText(innerXml(unwrapXhtmlDiv(element)));
        }
        if (isHtmlType(type) || mode.equals("escaped") && !type.equals("text") && !type.equals("text/plain")) {
            return HtmlText.toPlainText(element.getText());
        }
        return HtmlText.collapse(element.getText());
    }

    /** Atom content or summary as HTML. */
    private @Nullable String atomContentHtml(Element element) {
        String type = element.getAttributeValue("type", "text").strip().toLowerCase(Locale.ROOT);
        String mode = element.getAttributeValue("mode", "").strip().toLowerCase(Locale.ROOT);
        String src = element.getAttributeValue("src");
        if (src != null && element.getText().isBlank() && !hasElementChildren(element)) {
            String url = resolve(element, src);
            return "<a href=\"" + escapeHtml(url) + "\">" + escapeHtml(url) + "</a>";
        }
        if (mode.equals("base64") || isBase64Type(type)) {
            String decoded = base64(element.getText());
            if (decoded != null) {
                return isHtmlType(type) ? decoded : escapeHtml(decoded);
            }
        }
        if (hasElementChildren(element)) {
            return innerXml(unwrapXhtmlDiv(element));
        }
        if (isHtmlType(type)) {
            return element.getText();
        }
        return escapeHtml(element.getText());
    }

    private static Element unwrapXhtmlDiv(Element element) {
        List<Element> children = element.getChildren();
        if (children.size() == 1 && children.get(0).getName().equals("div")) {
            for (Content content : element.getContent()) {
                if (content instanceof Text text && !text.getText().isBlank()) {
                    return element;
                }
            }
            return children.get(0);
        }
        return element;
    }

    /** Atom 1.0: content of a MIME type that is neither text nor XML is base64. */
    private static boolean isBase64Type(String type) {
        return type.contains("/") && !type.startsWith("text/") && !type.endsWith("xml")
                && !type.equals("application/xhtml+xml");
    }

    private static boolean isHtmlType(@Nullable String type) {
        if (type == null) {
            return false;
        }
        String t = type.strip().toLowerCase(Locale.ROOT);
        return t.equals("html") || t.equals("xhtml") || t.equals("text/html") || t.equals("application/xhtml+xml");
    }

    private static @Nullable String base64(String text) {
        try {
            return new String(Base64.getMimeDecoder().decode(text.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ shared

    private String resolve(Element element, String reference) {
        String ref = reference.strip();
        String base = base(element);
        return base == null ? ref : Urls.resolve(base, ref);
    }

    /** The xml:base in scope for an element, resolved against the document URL. */
    private @Nullable String base(Element element) {
        List<String> bases = null;
        for (Element e = element; e != null; e = e.getParentElement()) {
            String value = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (value != null) {
                if (bases == null) {
                    bases = new ArrayList<>(4);
                }
                bases.add(value.strip());
            }
        }
        String base = documentUrl;
        if (bases != null) {
            for (int i = bases.size() - 1; i >= 0; i--) {
                base = base == null ? bases.get(i) : Urls.resolve(base, bases.get(i));
            }
        }
        return base;
    }

    /** A link still relative after xml:base is resolved against the feed's own link when that is absolute. */
    private static @Nullable String finishLink(@Nullable String link, @Nullable String feedLink) {
        if (link == null || link.isBlank()) {
            return null;
        }
        if (!Urls.isAbsolute(link) && Urls.isAbsolute(feedLink)) {
            return Urls.resolve(feedLink, link);
        }
        return link;
    }

    private static final int SUMMARY_LIMIT = 500;

    private static @Nullable String summary(@Nullable String html) {
        String text = HtmlText.toPlainText(html);
        if (text == null || text.length() <= SUMMARY_LIMIT) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SUMMARY_LIMIT);
        return text.substring(0, cut > SUMMARY_LIMIT / 2 ? cut : SUMMARY_LIMIT) + "…";
    }

    private static boolean hasElementChildren(Element element) {
        return !element.getChildren().isEmpty();
    }

    static String innerXml(Element element) {
        StringBuilder out = new StringBuilder();
        for (Content content : element.getContent()) {
            write(content, out);
        }
        return out.toString();
    }

    private static void write(Content content, StringBuilder out) {
        if (content instanceof Text text) {
            out.append(escapeHtml(text.getText()));
        } else if (content instanceof Element element) {
            out.append('<').append(element.getName());
            for (Attribute attribute : element.getAttributes()) {
                out.append(' ').append(attribute.getName()).append("=\"").append(escapeHtml(attribute.getValue()))
                        .append('"');
            }
            if (element.getContent().isEmpty()) {
                out.append(" />");
                return;
            }
            out.append('>');
            for (Content child : element.getContent()) {
                write(child, out);
            }
            out.append("</").append(element.getName()).append('>');
        }
    }

    static String escapeHtml(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    // ------------------------------------------------------------------ authors and categories

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9_.+\\-]+@(?:\\[[0-9.]+\\]|(?:[A-Za-z0-9\\-]+\\.)+[A-Za-z0-9\\-]+)(?:\\?subject=\\S+)?");

    /** The authors of one item, in document order; the first one with a name wins. */
    private static final class Authors {
        private @Nullable String first;
        private boolean seen;
        private @Nullable String itunes;

        void addText(Element element) {
            add(element.getText(), null);
        }

        void addAtom(Element element) {
            String name = null;
            String email = null;
            boolean structured = false;
            for (Element child : element.getChildren()) {
                if (!ns(child).isEmpty()) {
                    continue;
                }
                if (child.getName().equals("name")) {
                    name = child.getText();
                    structured = true;
                } else if (child.getName().equals("email")) {
                    email = child.getText();
                    structured = true;
                } else if (child.getName().equals("uri") || child.getName().equals("url")) {
                    structured = true;
                }
            }
            if (structured) {
                add(name, email);
            } else {
                add(element.getText(), null);
            }
        }

        /** One author: a structured name/email pair, or (name null) an RSS string such as {@code joe@x.org (Joe)}. */
        private void add(@Nullable String nameOrText, @Nullable String structuredEmail) {
            if (seen) {
                return;
            }
            String name;
            String email = HtmlText.collapse(structuredEmail);
            if (structuredEmail != null || nameOrText == null) {
                name = HtmlText.collapse(nameOrText);
            } else {
                String author = nameOrText.length() > 1000 ? nameOrText.substring(0, 1000) : nameOrText;
                Matcher m = EMAIL.matcher(author);
                if (author.indexOf('@') >= 0 && m.find()) {
                    email = m.group();
                    author = author.replace(email, "").replace("()", "").replace("<>", "").replace("&lt;&gt;", "")
                            .strip();
                    if (author.startsWith("(")) {
                        author = author.substring(1);
                    }
                    if (author.endsWith(")")) {
                        author = author.substring(0, author.length() - 1);
                    }
                    author = author.strip();
                }
                name = HtmlText.collapse(author);
            }
            if (name == null && email == null) {
                return;
            }
            seen = true;
            first = name;
        }

        void itunes(String text) {
            if (itunes == null) {
                itunes = HtmlText.collapse(text);
            }
        }

        @Nullable String first() {
            if (first != null) {
                return first;
            }
            return itunes;
        }
    }

    /** Categories with the duplicate rule of the reference parser: identical (term, scheme, label) once. */
    private static final class Categories {
        private record Tag(@Nullable String term, @Nullable String scheme, @Nullable String label) {}

        private final List<Tag> tags = new ArrayList<>();
        /** How often each tag is in {@code tags}: a linear-time duplicate check (10,000 categories). */
        private final java.util.Map<Tag, Integer> counts = new java.util.HashMap<>();

        void add(Element element) {
            String term = element.getAttributeValue("term");
            String scheme = element.getAttributeValue("scheme", element.getAttributeValue("domain"));
            String label = element.getAttributeValue("label");
            addTag(term, scheme, label);
            String value = element.getTextTrim();
            if (value.isEmpty()) {
                return;
            }
            if (!tags.isEmpty() && tags.get(tags.size() - 1).term() == null) {
                Tag last = tags.remove(tags.size() - 1);
                counts.computeIfPresent(last, (key, count) -> count == 1 ? null : count - 1);
                Tag named = new Tag(value, last.scheme(), last.label());
                tags.add(named);
                counts.merge(named, 1, Integer::sum);
            } else {
                addTag(value, null, null);
            }
        }

        void addTerm(String term) {
            addTag(term, null, null);
        }

        private void addTag(@Nullable String term, @Nullable String scheme, @Nullable String label) {
            if ((term == null || term.isEmpty()) && (scheme == null || scheme.isEmpty())
                    && (label == null || label.isEmpty())) {
                return;
            }
            Tag tag = new Tag(term == null || term.isEmpty() ? null : term, scheme, label);
            if (!counts.containsKey(tag)) {
                tags.add(tag);
                counts.merge(tag, 1, Integer::sum);
            }
        }

        List<String> terms() {
            List<String> out = new ArrayList<>(tags.size());
            for (Tag tag : tags) {
                if (Objects.equals(tag.scheme(), "http://www.itunes.com/")) {
                    continue;
                }
                String term = HtmlText.collapse(tag.term());
                if (term == null) {
                    term = HtmlText.collapse(tag.label());
                }
                if (term != null) {
                    out.add(term);
                }
            }
            return out;
        }
    }
}
