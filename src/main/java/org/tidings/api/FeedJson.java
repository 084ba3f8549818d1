package org.tidings.api;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Enclosure;
import org.tidings.model.Entry;
import org.tidings.model.Media;
import org.tidings.model.ParsedFeed;

/**
 * The JSON form of a parsed feed printed by {@code tidings parse --json}: exactly the schema of the
 * conformance corpus (title, link, items with id, link, title, published, updated, author,
 * categories, enclosures) plus extra keys (format, recovered, warnings, content, summary, media);
 * and the JSON writing shared by the command line and the sync API (one line, terminal-safe).
 */
public final class FeedJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        // JSON Lines: characters that some readers take as line breaks (NEL, LS, PS) and terminal
        // controls (DEL, C1) are escaped.
        MAPPER.getFactory().setCharacterEscapes(new LineSafeEscapes());
    }

    private static final class LineSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] asciiEscapes = asciiEscapes();

        private static int[] asciiEscapes() {
            int[] escapes = standardAsciiEscapesForJSON();
            escapes[0x7f] = ESCAPE_STANDARD; // DEL, like the C0 controls
            return escapes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        @Override
        public @Nullable SerializableString getEscapeSequence(int ch) {
            // C1 controls (CSI 0x9B, OSC 0x9D...) are escaped so the output is safe on a terminal too.
            if ((ch >= 0x80 && ch <= 0x9f) || ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }

    private FeedJson() {}

    public static ObjectNode toJson(ParsedFeed feed) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("title", feed.title());
        root.put("link", feed.link());
        ArrayNode items = root.putArray("items");
        for (Entry entry : feed.entries()) {
            items.add(toJson(entry));
        }
        root.put("format", feed.format().name());
        root.put("recovered", feed.recovered());
        if (!feed.warnings().isEmpty()) {
            ArrayNode warnings = root.putArray("warnings");
            feed.warnings().forEach(warnings::add);
        }
        return root;
    }

    public static ObjectNode toJson(Entry entry) {
        ObjectNode item = MAPPER.createObjectNode();
        item.put("id", entry.id());
        item.put("link", entry.link());
        item.put("title", entry.title());
        item.put("published", format(entry.published()));
        item.put("updated", format(entry.updated()));
        item.put("author", entry.author());
        ArrayNode categories = item.putArray("categories");
        entry.categories().forEach(categories::add);
        ArrayNode enclosures = item.putArray("enclosures");
        for (Enclosure enclosure : entry.enclosures()) {
            ObjectNode node = enclosures.addObject();
            node.put("url", enclosure.url());
            node.put("type", enclosure.type());
            node.put("length", enclosure.length());
        }
        if (!entry.media().isEmpty()) {
            ArrayNode media = item.putArray("media");
            for (Media m : entry.media()) {
                ObjectNode node = media.addObject();
                node.put("url", m.url());
                node.put("type", m.type());
                node.put("medium", m.medium());
                node.put("thumbnail", m.thumbnail());
            }
        }
        item.put("comments", entry.commentsUrl());
        item.put("summary", entry.summary());
        item.put("content", entry.contentHtml());
        return item;
    }

    /** One JSON line. */
    public static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static ObjectNode error(String message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("error", message);
        return node;
    }

    /** {@code YYYY-MM-DDTHH:MM:SSZ}, the corpus's date form. */
    public static @Nullable String format(@Nullable Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
