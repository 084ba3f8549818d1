package org.tidings.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tidings.api.GoogleReader.Reply;
import org.tidings.api.GoogleReader.Request;
import org.tidings.model.Feed;
import org.tidings.store.ApiStore;
import org.tidings.store.ApiStore.StreamPage;
import org.tidings.store.ApiStore.StreamQuery;
import org.tidings.store.ApiStore.StreamRef;
import org.tidings.store.PageCursor;
import org.tidings.store.Store;

/**
 * Reading streams: {@code stream/contents}, {@code reader/atom}, {@code stream/items/ids} and
 * {@code stream/items/contents}. A stream id (feed, label, state) and the filters {@code xt},
 * {@code it}, {@code ot}, {@code nt}, {@code r}, {@code c}, {@code n} become one store query and
 * page; {@link ReaderItems} writes the items out.
 */
final class ReaderStreams {
    private static final String ATOM = "application/atom+xml; charset=utf-8";

    private final Store store;
    private final ApiStore api;
    private final InstantSource clock;

    ReaderStreams(Store store, InstantSource clock) {
        this.store = store;
        this.api = store.api();
        this.clock = clock;
    }

    /** The stream and filters a reading call asks for. */
    private record Selection(StreamId stream, StreamQuery query, @Nullable PageCursor after, int n) {}

    private Selection selection(Request request, StreamId stream, int maxN) {
        StreamQuery query = query(stream);
        for (String tag : request.params("xt")) {
            query = byState(query, StreamId.parse(tag), false, tag);
        }
        for (String tag : request.params("it")) {
            query = byState(query, StreamId.parse(tag), true, tag);
        }
        Long from = seconds(request.param("ot"), "ot");
        Long to = seconds(request.param("nt"), "nt");
        query = query.between(from == null ? null : from * 1000, to == null ? null : to * 1000 + 999);
        query = query.oldestFirst("o".equals(request.param("r")));
        PageCursor after = null;
        String c = request.param("c");
        if (c != null && !c.isBlank()) {
            try {
                after = PageCursor.parse(c);
            } catch (IllegalArgumentException e) {
                throw new BadRequest("malformed continuation: " + ItemIds.shorten(c));
            }
        }
        return new Selection(stream, query, after, count(request.param("n"), maxN));
    }

    /** {@code it} (include) or {@code xt} (exclude) of a state: read, starred, kept-unread (and reading-list to include). */
    private static StreamQuery byState(StreamQuery query, StreamId state, boolean include, String tag) {
        if (state == StreamId.State.READ) {
            return query.withRead(include);
        }
        if (state == StreamId.State.KEPT_UNREAD) {
            return query.withRead(!include);
        }
        if (state == StreamId.State.STARRED) {
            return query.withStarred(include);
        }
        if (include && state == StreamId.State.READING_LIST) {
            return query;
        }
        throw new BadRequest("cannot " + (include ? "include " : "exclude ") + ItemIds.shorten(tag));
    }

    /** The store query of a stream; unknown feeds and labels are a BadRequest. */
    StreamQuery query(StreamId stream) {
        if (stream instanceof StreamId.Feed feed) {
            Feed found = store.feeds().feedByUrl(feed.url())
                    .orElseThrow(() -> new BadRequest("unknown stream: " + ItemIds.shorten(feed.id())));
            return new StreamQuery(found.id(), null, null, null, null, null, null, false);
        }
        if (stream instanceof StreamId.Label label) {
            Optional<Long> folder = api.folderId(label.name());
            if (folder.isPresent()) {
                return new StreamQuery(null, folder.get(), null, null, null, null, null, false);
            }
            Long topic = api.topicId(label.name())
                    .orElseThrow(() -> new BadRequest("unknown stream: " + ItemIds.shorten(label.id())));
            return new StreamQuery(null, null, topic, null, null, null, null, false);
        }
        if (!(stream instanceof StreamId.State state)) {
            throw new BadRequest("unknown stream: " + ItemIds.shorten(stream.id()));
        }
        return switch (state) {
            case READING_LIST -> StreamQuery.ALL;
            case READ -> StreamQuery.ALL.withRead(true);
            case STARRED -> StreamQuery.ALL.withStarred(true);
            case KEPT_UNREAD -> StreamQuery.ALL.withRead(false);
        };
    }

    private static @Nullable Long seconds(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds < 0 || seconds > 100_000_000_000L) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new BadRequest("malformed " + name + ": " + ItemIds.shorten(value));
        }
    }

    private static int count(@Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return Math.min(GoogleReader.DEFAULT_N, max);
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 1) {
                throw new BadRequest("n must be at least 1: " + ItemIds.shorten(value));
            }
            return Math.min(n, max);
        } catch (NumberFormatException e) {
            throw new BadRequest("malformed n: " + ItemIds.shorten(value));
        }
    }

    Reply contents(Request request, StreamId stream) {
        Selection s = selection(request, stream, GoogleReader.MAX_ITEMS);
        StreamPage page = api.stream(s.query(), s.after(), s.n());
        ObjectNode root = FeedJson.MAPPER.createObjectNode();
        root.put("direction", "ltr");
        root.put("id", stream.id());
        root.put("title", title(stream));
        root.put("updated", clock.instant().getEpochSecond());
        ArrayNode items = root.putArray("items");
        api.items(page.refs().stream().map(StreamRef::id).toList()).forEach(item -> items.add(ReaderItems.json(item)));
        page.next().ifPresent(next -> root.put("continuation", next.token()));
        return Reply.json(root);
    }

    Reply atom(Request request, StreamId stream) {
        Selection s = selection(request, stream, GoogleReader.MAX_ITEMS);
        StreamPage page = api.stream(s.query(), s.after(), s.n());
        return new Reply(200, ATOM, ReaderItems.atom(stream, title(stream),
                api.items(page.refs().stream().map(StreamRef::id).toList()), page.next(), clock.instant()), Map.of());
    }

    private String title(StreamId stream) {
        if (stream instanceof StreamId.Feed feed) {
            return store.feeds().feedByUrl(feed.url()).map(Feed::title).orElse(feed.url());
        }
        if (stream instanceof StreamId.Label label) {
            return label.name();
        }
        return stream.id().substring(stream.id().lastIndexOf('/') + 1);
    }

    Reply ids(Request request) {
        String s = request.param("s");
        Selection selection = selection(request, s == null ? StreamId.State.READING_LIST : StreamId.parse(s), GoogleReader.MAX_IDS);
        StreamPage page = api.stream(selection.query(), selection.after(), selection.n());
        ObjectNode root = FeedJson.MAPPER.createObjectNode();
        ArrayNode refs = root.putArray("itemRefs");
        for (StreamRef ref : page.refs()) {
            ObjectNode node = refs.addObject();
            node.put("id", ItemIds.shortForm(ref.id()));
            node.putArray("directStreamIds");
            node.put("timestampUsec", Long.toString(ref.sortAt() * 1000));
        }
        page.next().ifPresent(next -> root.put("continuation", next.token()));
        return Reply.json(root);
    }

    Reply itemContents(Request request) {
        List<Long> ids = itemIds(request);
        ObjectNode root = FeedJson.MAPPER.createObjectNode();
        root.put("direction", "ltr");
        root.put("id", StreamId.State.READING_LIST.id());
        root.put("updated", clock.instant().getEpochSecond());
        ArrayNode items = root.putArray("items");
        api.items(ids).forEach(item -> items.add(ReaderItems.json(item)));
        return Reply.json(root);
    }

    static List<Long> itemIds(Request request) {
        List<String> values = request.params("i");
        if (values.isEmpty()) {
            throw new BadRequest("no item ids (i=)");
        }
        if (values.size() > GoogleReader.MAX_ITEM_IDS) {
            throw new BadRequest("too many item ids: at most " + GoogleReader.MAX_ITEM_IDS + " per call");
        }
        List<Long> ids = new ArrayList<>(values.size());
        for (String value : values) {
            ids.add(ItemIds.parse(value));
        }
        return ids;
    }
}
