package org.tidings.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tidings.api.GoogleReader.Reply;
import org.tidings.api.GoogleReader.Request;
import org.tidings.model.Feed;
import org.tidings.model.FeedSummary;
import org.tidings.model.Subscription;
import org.tidings.model.Topic;
import org.tidings.model.UnreadCount;
import org.tidings.store.AddResult;
import org.tidings.store.ApiStore;
import org.tidings.store.Store;

/**
 * Subscriptions and tags: listing them ({@code subscription/list}, {@code tag/list}, {@code
 * unread-count}) and changing them ({@code subscription/edit}, {@code subscription/quickadd},
 * {@code rename-tag}, {@code disable-tag}). Folders and topics are both labels; only folders can
 * be renamed or removed.
 */
final class ReaderSubscriptions {
    private final Store store;
    private final ApiStore api;
    private final InstantSource clock;

    ReaderSubscriptions(Store store, InstantSource clock) {
        this.store = store;
        this.api = store.api();
        this.clock = clock;
    }

    Reply subscriptions() {
        ObjectNode root = FeedJson.MAPPER.createObjectNode();
        ArrayNode list = root.putArray("subscriptions");
        for (Feed feed : store.feeds().list()) {
            ObjectNode node = list.addObject();
            node.put("id", "feed/" + feed.url());
            node.put("title", feed.title());
            ArrayNode categories = node.putArray("categories");
            if (feed.folder() != null) {
                categories.addObject().put("id", StreamId.LABEL + feed.folder()).put("label", feed.folder());
            }
            node.put("url", feed.url());
            node.put("htmlUrl", feed.siteUrl() == null ? "" : feed.siteUrl());
            node.put("iconUrl", "");
            node.put("firstitemmsec", Long.toString(feed.addedAt().toEpochMilli()));
        }
        return Reply.json(root);
    }

    Reply tags() {
        ObjectNode root = FeedJson.MAPPER.createObjectNode();
        ArrayNode list = root.putArray("tags");
        for (StreamId.State state : List.of(StreamId.State.STARRED, StreamId.State.READ, StreamId.State.READING_LIST)) {
            list.addObject().put("id", state.id());
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String folder : store.feeds().folders()) {
            if (seen.add(folder)) {
                list.addObject().put("id", StreamId.LABEL + folder).put("label", folder).put("type", "folder");
            }
        }
        for (Topic topic : store.counts().topics()) {
            if (seen.add(topic.name())) {
                list.addObject().put("id", StreamId.LABEL + topic.name()).put("label", topic.name()).put("type", "tag");
            }
        }
        return Reply.json(root);
    }

    Reply unreadCount() {
        Map<Long, Long> newest = api.newestByFeed();
        ObjectNode root = FeedJson.MAPPER.createObjectNode();
        int total = store.counts().unreadTotal();
        root.put("max", Math.max(1000, total));
        ArrayNode counts = root.putArray("unreadcounts");
        Map<String, Long> newestByFolder = new LinkedHashMap<>();
        long newestAll = 0;
        for (FeedSummary summary : store.feeds().summaries()) {
            long at = newest.getOrDefault(summary.feed().id(), 0L);
            newestAll = Math.max(newestAll, at);
            if (summary.feed().folder() != null) {
                newestByFolder.merge(summary.feed().folder(), at, Math::max);
            }
            if (summary.unread() > 0) {
                count(counts, "feed/" + summary.feed().url(), summary.unread(), at);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (UnreadCount folder : store.counts().unreadByFolder()) {
            seen.add(folder.name());
            if (folder.unread() > 0) {
                count(counts, StreamId.LABEL + folder.name(), folder.unread(), newestByFolder.getOrDefault(folder.name(), 0L));
            }
        }
        for (UnreadCount topic : store.counts().unreadByTopic()) {
            if (topic.unread() > 0 && seen.add(topic.name())) {
                count(counts, StreamId.LABEL + topic.name(), topic.unread(), newestAll);
            }
        }
        count(counts, StreamId.State.READING_LIST.id(), total, newestAll);
        return Reply.json(root);
    }

    private static void count(ArrayNode counts, String id, int count, long newestMillis) {
        counts.addObject().put("id", id).put("count", count).put("newestItemTimestampUsec", Long.toString(newestMillis * 1000));
    }
    Reply editSubscription(Request request) {
        String action = Objects.requireNonNullElse(request.param("ac"), "");
        List<String> streams = request.params("s");
        if (streams.isEmpty()) {
            throw new BadRequest("no stream (s=)");
        }
        String title = request.param("t");
        String add = label(request.param("a"));
        String remove = label(request.param("r"));
        switch (action) {
            case "subscribe": {
                List<String> urls = new ArrayList<>();
                for (String s : streams) {
                    urls.add(feedUrl(StreamId.parse(s)));
                }
                for (String url : urls) {
                    subscribe(url, streams.size() == 1 ? title : null, add);
                }
                return Reply.text(200, "OK");
            }
            case "unsubscribe": {
                List<Feed> feeds = feeds(streams);
                for (Feed feed : feeds) {
                    store.feeds().remove(feed.id(), false);
                }
                return Reply.text(200, "OK");
            }
            case "edit": {
                List<Feed> feeds = feeds(streams);
                for (Feed feed : feeds) {
                    if (title != null && !title.isBlank()) {
                        store.feeds().rename(feed.id(), title);
                    }
                    if (add != null) {
                        store.feeds().move(feed.id(), add);
                    } else if (remove != null && remove.equals(feed.folder())) {
                        store.feeds().move(feed.id(), null);
                    }
                }
                return Reply.text(200, "OK");
            }
            default:
                throw new BadRequest("unknown action (ac=): " + ItemIds.shorten(action));
        }
    }

    private Feed subscribe(String url, @Nullable String title, @Nullable String folder) {
        AddResult result = store.feeds().add(new Subscription(url, title, null, folder, List.of()), clock.instant());
        if (result instanceof AddResult.AlreadySubscribed already && folder != null) {
            store.feeds().move(already.feed().id(), folder);
        }
        return result.feed();
    }

    Reply quickAdd(Request request) {
        String value = request.param("quickadd");
        if (value == null || value.isBlank()) {
            throw new BadRequest("no feed URL (quickadd=)");
        }
        String url = value.strip().startsWith("feed/") ? value.strip().substring(5) : value.strip();
        Feed feed = subscribe(checkedUrl(url), null, null);
        ObjectNode root = FeedJson.MAPPER.createObjectNode();
        root.put("numResults", 1);
        root.put("query", url);
        root.put("streamId", "feed/" + feed.url());
        root.put("streamName", feed.title());
        return Reply.json(root);
    }

    private List<Feed> feeds(List<String> streams) {
        List<Feed> feeds = new ArrayList<>();
        for (String s : streams) {
            String url = feedUrl(StreamId.parse(s));
            feeds.add(store.feeds().feedByUrl(url).orElseThrow(() -> new BadRequest("unknown stream: " + ItemIds.shorten(s))));
        }
        return feeds;
    }

    private static String feedUrl(StreamId stream) {
        if (stream instanceof StreamId.Feed feed) {
            return checkedUrl(feed.url());
        }
        throw new BadRequest("not a feed stream: " + ItemIds.shorten(stream.id()));
    }

    private static String checkedUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url.strip();
            }
        } catch (URISyntaxException e) {
            // falls through
        }
        throw new BadRequest("not an http(s) feed URL: " + ItemIds.shorten(url));
    }

    /** A label name from {@code user/-/label/NAME} (or a bare name); null when absent. */
    private static @Nullable String label(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.startsWith("user/")) {
            StreamId stream = StreamId.parse(value);
            if (stream instanceof StreamId.Label label) {
                return label.name();
            }
            throw new BadRequest("not a label: " + ItemIds.shorten(value));
        }
        return value.strip();
    }

    Reply renameTag(Request request) {
        String from = label(Objects.requireNonNullElse(request.param("s"), Objects.requireNonNullElse(request.param("t"), "")));
        String to = label(request.param("dest"));
        if (from == null || to == null) {
            throw new BadRequest("rename-tag needs s= (or t=) and dest=");
        }
        if (!api.renameFolder(from, to)) {
            throw new BadRequest("no such folder: " + ItemIds.shorten(from));
        }
        return Reply.text(200, "OK");
    }

    Reply disableTag(Request request) {
        String name = label(Objects.requireNonNullElse(request.param("s"), Objects.requireNonNullElse(request.param("t"), "")));
        if (name == null) {
            throw new BadRequest("disable-tag needs s= or t=");
        }
        if (!api.deleteFolder(name)) {
            throw new BadRequest("no such folder: " + ItemIds.shorten(name));
        }
        return Reply.text(200, "OK");
    }
}
