package org.tidings.parse;

import static org.tidings.parse.Names.attribute;
import static org.tidings.parse.Names.emptyToNull;
import static org.tidings.parse.Names.lower;
import static org.tidings.parse.Names.ns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Enclosure;
import org.tidings.model.Entry;
import org.tidings.model.Media;
import org.tidings.html.HtmlText;

/**
 * One RSS item (0.9x, 1.0 or 2.0, with the Dublin Core, content, iTunes, Media RSS and wfw
 * modules) to an {@link Entry}. Elements are read in document order and a later one wins, as in
 * the reference parser; Atom elements that real RSS feeds carry are understood too.
 */
final class RssItems {
    private final Links links;
    private final TextConstructs text;
    private final MediaElements mediaElements;

    RssItems(Links links) {
        this.links = links;
        this.text = new TextConstructs(links);
        this.mediaElements = new MediaElements(links);
    }

    /** What has been read of one item so far. */
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

    /** The entry of one item; {@code feedLink} resolves a link that stays relative. */
    Entry entry(Element item, @Nullable String feedLink) {
        ItemState st = new ItemState();
        String about = item.getAttributeValue("about", Namespace.getNamespace(Names.NS_RDF));
        if (about != null && !about.isBlank()) {
            st.id = about.strip(); // RSS 1.0: rdf:about names the item
        }
        children(item, st, 0, false);
        String link = st.link;
        if (!st.hasLink && st.guidLink != null) {
            link = st.guidLink;
        }
        link = Links.finish(link, feedLink);
        Instant publishedAt = Dates.parse(st.published);
        if (st.published == null) {
            publishedAt = Dates.parse(st.dcDate);
        }
        String body = st.contentHtml != null ? st.contentHtml : st.descriptionHtml;
        String summarySource = st.descriptionHtml != null ? st.descriptionHtml : st.contentHtml;
        return new Entry(emptyToNull(st.id), link, st.title, publishedAt, Dates.parse(st.updated),
                st.authors.first(), st.categories.terms(), st.enclosures, st.media, body,
                TextConstructs.summary(summarySource), st.comments);
    }

    private void children(Element parent, ItemState st, int depth, boolean inImage) {
        for (Element child : parent.getChildren()) {
            String prefix = ns(child);
            String name = lower(child.getName());
            boolean descend = false;
            switch (prefix) {
                case "" -> descend = core(child, name, st, inImage);
                case "dc" -> {
                    switch (name) {
                        case "title" -> st.title = TextConstructs.rssText(child);
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
                        st.contentHtml = text.escapedHtml(child);
                    }
                }
                case "itunes" -> {
                    if (name.equals("author")) {
                        st.authors.itunes(child.getText());
                    }
                }
                case "media" -> mediaElements.media(child, st.media);
                case "wfw" -> {
                    if (name.equals("commentrss") && st.comments == null) {
                        st.comments = HtmlText.collapse(child.getText());
                    }
                }
                default -> { }
            }
            if (descend && depth < 8 && !child.getChildren().isEmpty()) {
                children(child, st, depth + 1, inImage || name.equals("image"));
            }
        }
    }

    /** An element of RSS itself (or Atom's, inside RSS); true when its children are items' fields too. */
    private boolean core(Element child, String name, ItemState st, boolean inImage) {
        switch (name) {
            case "title" -> st.title = TextConstructs.rssText(child);
            case "link" -> {
                if (inImage) {
                    // an image's link is not the item's link
                } else if (child.getAttribute("href") != null) {
                    mediaElements.linkEnclosure(child, st.enclosures);
                    String value = links.rssLink(child);
                    if (value != null) {
                        st.link = value;
                        st.hasLink = true;
                    }
                } else {
                    st.link = links.rssLink(child);
                    st.hasLink = true;
                }
            }
            case "guid", "id" -> {
                st.id = child.getTextTrim();
                boolean permalink = attribute(child, "ispermalink", "true").equals("true");
                st.guidLink = permalink && !st.id.isEmpty() ? links.resolve(child, st.id) : null;
            }
            case "pubdate", "published", "issued" -> st.published = child.getText();
            case "updated", "modified" -> st.updated = child.getText();
            case "description", "summary" -> st.descriptionHtml = text.html(child);
            case "author" -> {
                if (child.getChildren().isEmpty()) {
                    st.authors.addText(child);
                } else {
                    st.authors.addAtom(child);
                }
            }
            case "category" -> {
                st.categories.add(child);
                return true;
            }
            case "tags" -> {
                for (String tag : child.getText().split(",")) {
                    st.categories.addTerm(tag.strip());
                }
            }
            case "enclosure" -> MediaElements.enclosure(child, st.enclosures);
            case "comments" -> st.comments = HtmlText.collapse(child.getText());
            case "content" -> st.contentHtml = text.contentHtml(child);
            case "source" -> { }
            default -> {
                return true;
            }
        }
        return false;
    }
}
