package org.tidings.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Article;
import org.tidings.model.FeedRef;
import org.tidings.store.ApiStore.StreamItem;
import org.tidings.store.PageCursor;

/**
 * Articles as Google Reader clients read them: JSON items ({@code stream/contents}, {@code
 * stream/items/contents}) and the Atom form ({@code reader/atom/...}), whose entries carry the
 * read state as {@code <category scheme="http://www.google.com/reader/" label="read|fresh">}.
 */
final class ReaderItems {
    static final String SCHEME = "http://www.google.com/reader/";
    private static final String GR = "http://www.google.com/schemas/reader/atom/";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private ReaderItems() {}

    /** The stream states and labels of an item: reading-list, read, starred, folders and topics. */
    static List<String> categories(StreamItem item) {
        Article article = item.article();
        List<String> categories = new ArrayList<>();
        categories.add(StreamId.State.READING_LIST.id());
        if (article.read()) {
            categories.add(StreamId.State.READ.id());
        }
        if (article.starred()) {
            categories.add(StreamId.State.STARRED.id());
        }
        for (String folder : item.folders()) {
            categories.add(StreamId.LABEL + folder);
        }
        for (String topic : article.topics()) {
            String label = StreamId.LABEL + topic;
            if (!categories.contains(label)) {
                categories.add(label);
            }
        }
        return categories;
    }

    static ObjectNode json(StreamItem item) {
        Article article = item.article();
        ObjectNode node = FeedJson.MAPPER.createObjectNode();
        node.put("id", ItemIds.longForm(article.id()));
        node.put("crawlTimeMsec", Long.toString(item.crawled().toEpochMilli()));
        node.put("timestampUsec", Long.toString(article.published().toEpochMilli() * 1000));
        node.put("published", article.published().getEpochSecond());
        node.put("updated", article.published().getEpochSecond());
        node.put("title", article.title() == null ? "" : article.title());
        if (article.link() != null) {
            node.putArray("canonical").addObject().put("href", article.link());
            node.putArray("alternate").addObject().put("href", article.link()).put("type", "text/html");
        }
        ArrayNode categories = node.putArray("categories");
        categories(item).forEach(categories::add);
        Optional<FeedRef> origin = article.feeds().stream().findFirst();
        ObjectNode from = node.putObject("origin");
        from.put("streamId", origin.map(f -> "feed/" + f.url()).orElse(""));
        from.put("title", origin.map(FeedRef::title).orElse(""));
        from.put("htmlUrl", item.siteUrl() == null ? "" : item.siteUrl());
        ObjectNode summary = node.putObject("summary");
        summary.put("direction", "ltr");
        summary.put("content", body(item));
        node.put("author", article.author() == null ? "" : article.author());
        return node;
    }

    private static String body(StreamItem item) {
        if (item.contentHtml() != null && !item.contentHtml().isBlank()) {
            return item.contentHtml();
        }
        return item.article().summary() == null ? "" : item.article().summary();
    }

    /** An Atom feed of a stream page, the form newsboat's Google Reader client reads. */
    static String atom(StreamId stream, String title, List<StreamItem> items, Optional<PageCursor> next, Instant now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeNamespace("gr", GR);
            element(xml, "id", "tag:google.com,2005:reader/" + stream.id());
            element(xml, "title", title);
            element(xml, "updated", date(now));
            if (next.isPresent()) {
                xml.writeStartElement(GR, "continuation");
                xml.writeCharacters(next.get().token());
                xml.writeEndElement();
            }
            for (StreamItem item : items) {
                entry(xml, item);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write Atom: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, StreamItem item) throws XMLStreamException {
        Article article = item.article();
        xml.writeStartElement("entry");
        xml.writeAttribute(GR, "crawl-timestamp-msec", Long.toString(item.crawled().toEpochMilli()));
        element(xml, "id", ItemIds.longForm(article.id()));
        for (String category : categories(item)) {
            category(xml, category, category.substring(category.lastIndexOf('/') + 1));
        }
        if (!article.read()) {
            category(xml, StreamId.STATE + "fresh", "fresh");
        }
        xml.writeStartElement("title");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(clean(article.title() == null ? "" : article.title()));
        xml.writeEndElement();
        element(xml, "published", date(article.published()));
        element(xml, "updated", date(article.published()));
        if (article.link() != null) {
            xml.writeEmptyElement("link");
            xml.writeAttribute("rel", "alternate");
            xml.writeAttribute("href", clean(article.link()));
            xml.writeAttribute("type", "text/html");
        }
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(clean(body(item)));
        xml.writeEndElement();
        if (article.author() != null) {
            xml.writeStartElement("author");
            element(xml, "name", article.author());
            xml.writeEndElement();
        }
        Optional<FeedRef> origin = article.feeds().stream().findFirst();
        if (origin.isPresent()) {
            xml.writeStartElement("source");
            xml.writeAttribute(GR, "stream-id", clean("feed/" + origin.get().url()));
            element(xml, "id", "tag:google.com,2005:reader/feed/" + origin.get().url());
            element(xml, "title", origin.get().title());
            if (item.siteUrl() != null) {
                xml.writeEmptyElement("link");
                xml.writeAttribute("rel", "alternate");
                xml.writeAttribute("href", clean(item.siteUrl()));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void category(XMLStreamWriter xml, String term, String label) throws XMLStreamException {
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", clean(term));
        xml.writeAttribute("scheme", SCHEME);
        xml.writeAttribute("label", clean(label));
    }

    private static void element(XMLStreamWriter xml, String name, @Nullable String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text == null ? "" : text));
        xml.writeEndElement();
    }

    private static String date(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Drops the characters XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/FFFF). */
    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
