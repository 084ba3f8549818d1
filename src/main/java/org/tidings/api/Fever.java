package org.tidings.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.tidings.model.Feed;
import org.tidings.model.FeedRef;
import org.tidings.model.UnreadCount;
import org.tidings.store.ApiStore;
import org.tidings.store.ApiUsers;
import org.tidings.store.ApiStore.StreamItem;
import org.tidings.store.ApiStore.StreamQuery;
import org.tidings.store.Mark;
import org.tidings.store.Store;

/**
 * The Fever API ({@code /api/fever/?api}) for clients that speak only Fever: the key is
 * md5("name:password"), kept for users added with {@code api-user add --fever}. Groups are
 * folders; items come 50 at a time by id; marks go through the same store calls as the Google
 * Reader API, so story copies follow. A wrong key answers {@code auth: 0} after the fixed delay.
 */
public final class Fever {
    /** The base path: a client's server URL is {@code http://HOST:PORT/api/fever/}. */
    public static final String BASE = "/api/fever";
    static final int PAGE = 50;

    private final Store store;
    private final ApiStore api;
    private final ApiUsers users;
    private final InstantSource clock;
    private final LoginThrottle throttle;

    public Fever(Store store, InstantSource clock, Duration failureDelay) {
        this.store = Objects.requireNonNull(store, "store");
        this.api = store.api();
        this.users = store.apiUsers();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.throttle = new LoginThrottle(failureDelay, clock);
    }

    /** The Fever key of a user: md5 of "name:password", in lower-case hex. */
    public static String key(String name, char[] password) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((name + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public GoogleReader.Reply handle(GoogleReader.Request request) {
        if (!users.hasUsers()) {
            return GoogleReader.Reply.text(404, "the sync API is off: add a user with 'tidings api-user add --fever NAME'\n");
        }
        ObjectNode root = FeedJson.MAPPER.createObjectNode();
        root.put("api_version", 3);
        String address = request.remoteAddress();
        String key = request.param("api_key");
        boolean ok = !throttle.blocked(address) && key != null && key.length() == 32
                && users.feverUser(key.strip().toLowerCase(Locale.ROOT)).isPresent();
        if (!ok) {
            if (!throttle.blocked(address)) {
                throttle.failed(address);
            }
            root.put("auth", 0);
            return GoogleReader.Reply.json(root);
        }
        root.put("auth", 1);
        try {
            mark(request);
            if (request.params().containsKey("groups") || request.params().containsKey("feeds")) {
                List<Feed> feeds = store.feeds().list();
                Map<String, Long> folderIds = new LinkedHashMap<>();
                store.counts().unreadByFolder().forEach(f -> folderIds.put(f.name(), f.id()));
                if (request.params().containsKey("groups")) {
                    ArrayNode groups = root.putArray("groups");
                    for (UnreadCount folder : store.counts().unreadByFolder()) {
                        groups.addObject().put("id", folder.id()).put("title", folder.name());
                    }
                }
                if (request.params().containsKey("feeds")) {
                    ArrayNode list = root.putArray("feeds");
                    Map<Long, Long> newest = api.newestByFeed();
                    for (Feed feed : feeds) {
                        list.addObject().put("id", feed.id()).put("favicon_id", 0).put("title", feed.title())
                                .put("url", feed.url()).put("site_url", feed.siteUrl() == null ? "" : feed.siteUrl())
                                .put("is_spark", 0).put("last_updated_on_time", newest.getOrDefault(feed.id(), 0L) / 1000);
                    }
                }
                ArrayNode feedsGroups = root.putArray("feeds_groups");
                for (Map.Entry<String, Long> folder : folderIds.entrySet()) {
                    String ids = feeds.stream().filter(f -> folder.getKey().equals(f.folder()))
                            .map(f -> Long.toString(f.id())).collect(Collectors.joining(","));
                    feedsGroups.addObject().put("group_id", folder.getValue()).put("feed_ids", ids);
                }
            }
            if (request.params().containsKey("favicons")) {
                root.putArray("favicons");
            }
            if (request.params().containsKey("links")) {
                root.putArray("links");
            }
            if (request.params().containsKey("items")) {
                items(request, root);
            }
            if (request.params().containsKey("unread_item_ids")) {
                root.put("unread_item_ids", join(api.allIds(StreamQuery.ALL.withRead(false))));
            }
            if (request.params().containsKey("saved_item_ids")) {
                root.put("saved_item_ids", join(api.allIds(StreamQuery.ALL.withStarred(true))));
            }
            root.put("last_refreshed_on_time", clock.instant().getEpochSecond());
            return GoogleReader.Reply.json(root);
        } catch (BadRequest e) {
            return GoogleReader.Reply.text(400, e.getMessage() + "\n");
        }
    }

    private void items(GoogleReader.Request request, ObjectNode root) {
        List<Long> ids;
        String with = request.param("with_ids");
        if (with != null) {
            ids = new ArrayList<>();
            for (String part : with.split(",")) {
                if (!part.isBlank()) {
                    ids.add(number(part, "with_ids"));
                }
            }
            if (ids.size() > PAGE) {
                throw new BadRequest("at most " + PAGE + " with_ids");
            }
        } else {
            String since = request.param("since_id");
            String max = request.param("max_id");
            ids = api.idsAround(since == null ? null : number(since, "since_id"), max == null ? null : number(max, "max_id"), PAGE);
        }
        ArrayNode items = root.putArray("items");
        for (StreamItem item : api.items(ids)) {
            var article = item.article();
            items.addObject().put("id", article.id())
                    .put("feed_id", article.feeds().stream().findFirst().map(FeedRef::id).orElse(0L))
                    .put("title", article.title() == null ? "" : article.title())
                    .put("author", article.author() == null ? "" : article.author())
                    .put("html", item.contentHtml() != null ? item.contentHtml()
                            : article.summary() == null ? "" : article.summary())
                    .put("url", article.link() == null ? "" : article.link())
                    .put("is_saved", article.starred() ? 1 : 0)
                    .put("is_read", article.read() ? 1 : 0)
                    .put("created_on_time", article.published().getEpochSecond());
        }
        root.put("total_items", api.articleCount());
    }

    /** {@code mark=item|feed|group&as=read|unread|saved|unsaved&id=N[&before=T]}. */
    private void mark(GoogleReader.Request request) {
        String what = request.param("mark");
        if (what == null) {
            return;
        }
        String as = Objects.requireNonNullElse(request.param("as"), "");
        String idText = request.param("id");
        if (idText == null) {
            throw new BadRequest("mark needs id=");
        }
        long id = number(idText, "id");
        Instant now = clock.instant();
        switch (what) {
            case "item" -> {
                Mark mark = switch (as) {
                    case "read" -> Mark.READ;
                    case "unread" -> Mark.UNREAD;
                    case "saved" -> Mark.STAR;
                    case "unsaved" -> Mark.UNSTAR;
                    default -> throw new BadRequest("unknown as=" + ItemIds.shorten(as));
                };
                store.articles().mark(api.existing(List.of(id)), mark, now);
            }
            case "feed", "group" -> {
                if (!as.equals("read")) {
                    throw new BadRequest("feeds and groups can only be marked read");
                }
                String before = request.param("before");
                Instant upTo = before == null ? now : Instant.ofEpochSecond(number(before, "before"));
                StreamQuery query;
                if (what.equals("feed")) {
                    store.feeds().feed(id).orElseThrow(() -> new BadRequest("no feed " + id));
                    query = new StreamQuery(id, null, null, null, null, null, null, false);
                } else if (id == 0) {
                    query = StreamQuery.ALL;
                } else {
                    boolean known = store.counts().unreadByFolder().stream().anyMatch(f -> f.id() == id);
                    if (!known) {
                        throw new BadRequest("no group " + id);
                    }
                    query = new StreamQuery(null, id, null, null, null, null, null, false);
                }
                api.markAllRead(query, upTo, now);
            }
            default -> throw new BadRequest("unknown mark=" + ItemIds.shorten(what));
        }
    }

    private static long number(String text, String name) {
        try {
            long value = Long.parseLong(text.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadRequest("malformed " + name + ": " + ItemIds.shorten(text));
        }
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
