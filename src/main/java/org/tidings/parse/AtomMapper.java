package org.tidings.parse;

import static org.tidings.parse.Names.emptyToNull;
import static org.tidings.parse.Names.is;
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
import org.tidings.model.FeedFormat;
import org.tidings.model.Media;

/**
 * Atom 1.0 (RFC 4287) and Atom 0.3 ({@code issued}, {@code modified}, {@code mode}): the feed's
 * title, HTML alternate link, subtitle and language, and its entries (or a lone entry document).
 * An entry without an author takes the feed's (RFC 4287 section 4.2.1).
 */
final class AtomMapper {
    private final Links links;
    private final TextConstructs text;
    private final MediaElements mediaElements;

    private AtomMapper(Links links) {
        this.links = links;
        this.text = new TextConstructs(links);
        this.mediaElements = new MediaElements(links);
    }

    static XmlFeedMapper.Mapped map(Element root, FeedFormat format, Links links) {
        return new AtomMapper(links).feed(root, format);
    }

    private XmlFeedMapper.Mapped feed(Element root, FeedFormat format) {
        if (root.getName().equals("entry")) {
            return new XmlFeedMapper.Mapped(format, null, null, null, null, List.of(entry(root, null)));
        }
        String title = null;
        String link = null;
        String description = null;
        String language = root.getAttributeValue("lang", Namespace.XML_NAMESPACE);
        Authors feedAuthors = new Authors();
        for (Element child : root.getChildren()) {
            if (!ns(child).isEmpty()) {
                if (is(child, "dc", "title")) {
                    title = TextConstructs.atomText(child);
                }
                continue;
            }
            switch (lower(child.getName())) {
                case "title" -> title = TextConstructs.atomText(child);
                case "link" -> {
                    String value = links.atomAlternate(child);
                    if (value != null) {
                        link = value;
                    }
                }
                case "subtitle", "tagline" -> description = TextConstructs.atomText(child);
                case "author" -> feedAuthors.addAtom(child);
                default -> { }
            }
        }
        List<Element> items = new ArrayList<>();
        FeedRoot.collect(root, "entry", items);
        List<Entry> entries = new ArrayList<>(items.size());
        for (Element item : items) {
            Entry entry = entry(item, link);
            if (entry.author() == null && feedAuthors.first() != null && !hasAuthor(item)) {
                entry = new Entry(entry.id(), entry.link(), entry.title(), entry.published(), entry.updated(),
                        feedAuthors.first(), entry.categories(), entry.enclosures(), entry.media(),
                        entry.contentHtml(), entry.summary(), entry.commentsUrl());
            }
            entries.add(entry);
        }
        return new XmlFeedMapper.Mapped(format, title, link, description, language, entries);
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

    private Entry entry(Element entry, @Nullable String feedLink) {
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
                        case "title" -> title = TextConstructs.atomText(child);
                        case "link" -> {
                            String value = links.atomAlternate(child);
                            if (value != null) {
                                link = value;
                            }
                            mediaElements.linkEnclosure(child, enclosures);
                            String href = child.getAttributeValue("href");
                            if (child.getAttributeValue("rel", "").equals("replies") && comments == null
                                    && href != null) {
                                comments = links.resolve(child, href);
                            }
                        }
                        case "published", "issued", "pubdate" -> published = child.getText();
                        case "updated", "modified" -> updated = child.getText();
                        case "author" -> authors.addAtom(child);
                        case "category" -> categories.add(child);
                        case "content" -> content = text.contentHtml(child);
                        case "summary" -> summary = text.contentHtml(child);
                        default -> { }
                    }
                }
                case "dc" -> {
                    switch (name) {
                        case "title" -> title = TextConstructs.atomText(child);
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
                        content = text.escapedHtml(child);
                    }
                }
                case "itunes" -> {
                    if (name.equals("author")) {
                        authors.itunes(child.getText());
                    }
                }
                case "media" -> mediaElements.media(child, media);
                default -> { }
            }
        }
        link = Links.finish(link, feedLink);
        Instant publishedAt = Dates.parse(published);
        if (published == null) {
            publishedAt = Dates.parse(dcDate);
        }
        String body = content != null ? content : summary;
        return new Entry(emptyToNull(id), link, title, publishedAt, Dates.parse(updated), authors.first(),
                categories.terms(), enclosures, media, body,
                TextConstructs.summary(summary != null ? summary : content), comments);
    }
}
