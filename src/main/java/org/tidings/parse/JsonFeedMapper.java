package org.tidings.parse;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Enclosure;
import org.tidings.model.Entry;
import org.tidings.model.FeedFormat;
import org.tidings.model.FeedHints;
import org.tidings.model.Media;
import org.tidings.model.ParsedFeed;
import org.tidings.html.HtmlText;

/** JSON Feed 1.0 / 1.1 (jsonfeed.org) with Jackson; Rome has no JSON Feed support. */
final class JsonFeedMapper {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    private JsonFeedMapper() {}

    /** Whether the bytes start (after a BOM and whitespace) with a JSON object. */
    static boolean looksLikeJson(byte[] document) {
        int i = 0;
        if (document.length >= 3 && (document[0] & 0xFF) == 0xEF && (document[1] & 0xFF) == 0xBB
                && (document[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < document.length && (document[i] == ' ' || document[i] == '\t' || document[i] == '\r'
                || document[i] == '\n')) {
            i++;
        }
        return i < document.length && document[i] == '{';
    }

    static ParsedFeed parse(byte[] document, @Nullable String documentUrl) throws FeedParseException {
        JsonNode root;
        try {
            String text = new String(document, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new FeedParseException("not JSON: " + org.tidings.xml.XmlException.oneLine(e.getOriginalMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new FeedParseException("not a JSON Feed: the document is not a JSON object");
        }
        String version = text(root.get("version"));
        JsonNode items = root.get("items");
        if ((version == null || !version.contains("jsonfeed.org")) && (items == null || !items.isArray())) {
            throw new FeedParseException("not a JSON Feed: no jsonfeed.org version and no items");
        }
        FeedFormat format = version != null && version.endsWith("/1.1") ? FeedFormat.JSON_FEED_11
                : FeedFormat.JSON_FEED_10;
        String home = HtmlText.collapse(text(root.get("home_page_url")));
        String base = home != null && Urls.isAbsolute(home) ? home : documentUrl;
        String feedAuthor = author(root);
        List<Entry> entries = new ArrayList<>();
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                if (item.isObject()) {
                    entries.add(entry(item, base, feedAuthor));
                }
            }
        }
        return new ParsedFeed(format, HtmlText.collapse(text(root.get("title"))), home,
                HtmlText.collapse(text(root.get("description"))), HtmlText.collapse(text(root.get("language"))),
                entries, FeedHints.NONE, false, List.of());
    }

    private static Entry entry(JsonNode item, @Nullable String base, @Nullable String feedAuthor) {
        JsonNode idNode = item.get("id");
        String id = idNode == null || idNode.isNull() || idNode.isContainerNode() ? null
                : HtmlText.collapse(idNode.asText());
        String url = HtmlText.collapse(text(item.get("url")));
        if (url != null && !Urls.isAbsolute(url) && base != null) {
            url = Urls.resolve(base, url);
        }
        List<String> tags = new ArrayList<>();
        JsonNode tagsNode = item.get("tags");
        if (tagsNode != null && tagsNode.isArray()) {
            LinkedHashSet<String> unique = new LinkedHashSet<>();
            for (JsonNode tag : tagsNode) {
                String value = HtmlText.collapse(text(tag));
                if (value != null) {
                    unique.add(value);
                }
            }
            tags.addAll(unique);
        }
        List<Enclosure> enclosures = new ArrayList<>();
        JsonNode attachments = item.get("attachments");
        if (attachments != null && attachments.isArray()) {
            for (JsonNode attachment : attachments) {
                String attachmentUrl = HtmlText.collapse(text(attachment.get("url")));
                if (attachmentUrl == null) {
                    continue;
                }
                JsonNode size = attachment.get("size_in_bytes");
                Long length = size != null && size.isIntegralNumber() && size.asLong() >= 0 ? size.asLong() : null;
                enclosures.add(new Enclosure(attachmentUrl, HtmlText.collapse(text(attachment.get("mime_type"))),
                        length));
            }
        }
        List<Media> media = new ArrayList<>();
        String image = HtmlText.collapse(text(item.get("image")));
        if (image != null) {
            media.add(new Media(image, null, "image", null, null, false));
        }
        String banner = HtmlText.collapse(text(item.get("banner_image")));
        if (banner != null) {
            media.add(new Media(banner, null, "image", null, null, true));
        }
        String contentHtml = text(item.get("content_html"));
        String contentText = text(item.get("content_text"));
        if (contentHtml == null && contentText != null) {
            contentHtml = TextConstructs.escapeHtml(contentText).replace("\n", "<br>\n");
        }
        String summary = text(item.get("summary"));
        String plain = summary != null ? HtmlText.collapse(summary)
                : contentText != null ? HtmlText.collapse(contentText) : HtmlText.plain(contentHtml);
        String author = author(item);
        if (author == null && !item.has("authors") && !item.has("author")) {
            author = feedAuthor;
        }
        return new Entry(id, url, HtmlText.collapse(text(item.get("title"))),
                Dates.parse(text(item.get("date_published"))), Dates.parse(text(item.get("date_modified"))),
                author, tags, enclosures, media, contentHtml, plain, null);
    }

    private static @Nullable String author(JsonNode node) {
        JsonNode authors = node.get("authors");
        if (authors != null && authors.isArray()) {
            for (JsonNode author : authors) {
                String name = HtmlText.collapse(text(author.get("name")));
                if (name != null) {
                    return name;
                }
            }
            return null;
        }
        JsonNode author = node.get("author");
        return author != null && author.isObject() ? HtmlText.collapse(text(author.get("name"))) : null;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
