package org.tidings.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Feed;
import org.tidings.model.FeedSummary;
import org.tidings.model.Subscription;
import org.tidings.model.Topic;
import org.tidings.model.UnreadCount;
import org.tidings.store.AddResult;
import org.tidings.store.ApiStore;
import org.tidings.store.ApiStore.StreamPage;
import org.tidings.store.ApiStore.StreamQuery;
import org.tidings.store.ApiStore.StreamRef;
import org.tidings.store.Mark;
import org.tidings.store.PageCursor;
import org.tidings.store.Store;

/**
 * The Google Reader API on a {@link Store}, apart from HTTP: a request (method, the path after
 * the base {@code /api/greader}, its parameters, the Authorization header, the client's address)
 * becomes a {@link Reply}. Every endpoint but {@code accounts/ClientLogin} needs a login token;
 * write calls also need POST and the {@code T} token. Bad input is a 400 with one line, and
 * nothing is changed.
 */
public final class GoogleReader {
    /** Items per page when the client gives no {@code n}. */
    static final int DEFAULT_N = 20;
    /** The largest {@code n} for pages of items in full. */
    static final int MAX_ITEMS = 1000;
    /** The largest {@code n} for pages of ids. */
    static final int MAX_IDS = 10_000;
    /** Item ids per {@code edit-tag} or {@code stream/items/contents} call at most. */
    static final int MAX_ITEM_IDS = 1000;
    /** The fixed delay after a wrong password or token. */
    public static final Duration FAILURE_DELAY = Duration.ofSeconds(1);

    private static final String JSON = "application/json; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String ATOM = "application/atom+xml; charset=utf-8";

    private final Store store;
    private final ApiStore api;
    private final InstantSource clock;
    private final LoginThrottle throttle;
    private volatile @Nullable String dummyHash;

    public GoogleReader(Store store, InstantSource clock, Duration failureDelay) {
        this.store = Objects.requireNonNull(store, "store");
        this.api = store.api();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.throttle = new LoginThrottle(failureDelay, clock);
    }

    /** What the HTTP layer hands over: parameters are decoded, the path is still percent-encoded. */
    public record Request(String method, String rawPath, Map<String, List<String>> params,
            @Nullable String authorization, String remoteAddress) {
        public Request {
            params = Map.copyOf(params);
        }

        @Nullable String param(String name) {
            List<String> values = params.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> params(String name) {
            return params.getOrDefault(name, List.of());
        }
    }

    /** An HTTP answer. */
    public record Reply(int status, String contentType, String body, Map<String, String> headers) {
        static Reply json(ObjectNode node) {
            return new Reply(200, JSON, FeedJson.write(node), Map.of());
        }

        static Reply text(int status, String body) {
            return new Reply(status, TEXT, body, Map.of());
        }
    }

    /** Whether the API is on: it is off until a user exists. */
    public boolean enabled() {
        return api.hasUsers();
    }

    public Reply handle(Request request) {
        if (!enabled()) {
            return Reply.text(404, "the sync API is off: add a user with 'tidings api-user add NAME'\n");
        }
        String path = stripSlashes(request.rawPath());
        try {
            if (path.equals("accounts/ClientLogin")) {
                return login(request);
            }
            if (throttle.blocked(request.remoteAddress())) {
                return Reply.text(429, "too many failed logins from this address; try again later\n");
            }
            Optional<String> token = token(request.authorization());
            Optional<String> user = token.flatMap(t -> api.tokenUser(Passwords.tokenHash(t)));
            if (user.isEmpty()) {
                throttle.failed(request.remoteAddress());
                return new Reply(401, TEXT, "Unauthorized\n", Map.of("WWW-Authenticate", "GoogleLogin"));
            }
            if (path.startsWith("reader/atom")) {
                return atom(request, streamFromPath(path.substring("reader/atom".length()), request));
            }
            if (!path.startsWith("reader/api/0/")) {
                return Reply.text(404, "not found\n");
            }
            String rest = stripSlashes(path.substring("reader/api/0/".length()));
            if (rest.startsWith("stream/contents")) {
                return contents(request, streamFromPath(rest.substring("stream/contents".length()), request));
            }
            String endpoint = rest.replaceAll("/+", "/");
            if (endpoint.endsWith("/")) {
                endpoint = endpoint.substring(0, endpoint.length() - 1);
            }
            switch (endpoint) {
                case "token":
                    return Reply.text(200, Passwords.actionToken(token.get()));
                case "user-info":
                    return userInfo(user.get());
                case "subscription/list":
                    return subscriptions();
                case "tag/list":
                    return tags();
                case "unread-count":
                    return unreadCount();
                case "stream/items/ids":
                    return ids(request);
                case "stream/items/contents":
                    return itemContents(request);
                default:
                    break;
            }
            if (isWrite(endpoint)) {
                Reply refused = checkWrite(request, token.get());
                if (refused != null) {
                    return refused;
                }
            }
            switch (endpoint) {
                case "edit-tag":
                    return editTag(request);
                case "mark-all-as-read":
                    return markAllAsRead(request);
                case "subscription/edit":
                    return editSubscription(request);
                case "subscription/quickadd":
                    return quickAdd(request);
                case "rename-tag":
                    return renameTag(request);
                case "disable-tag":
                    return disableTag(request);
                default:
                    return Reply.text(404, "not found\n");
            }
        } catch (BadRequest e) {
            return Reply.text(400, e.getMessage() + "\n");
        }
    }

    private static boolean isWrite(String endpoint) {
        return Set.of("edit-tag", "mark-all-as-read", "subscription/edit", "subscription/quickadd", "rename-tag",
                "disable-tag").contains(endpoint);
    }

    private static @Nullable Reply checkWrite(Request request, String token) {
        if (!request.method().equals("POST")) {
            return new Reply(405, TEXT, "write calls must be POST\n", Map.of("Allow", "POST"));
        }
        String t = request.param("T");
        if (t == null || !Passwords.same(t.strip(), Passwords.actionToken(token))) {
            return new Reply(401, TEXT, "Unauthorized: missing or wrong T token\n", Map.of("X-Reader-Google-Bad-Token", "true"));
        }
        return null;
    }

    // ---- login

    private Reply login(Request request) {
        String address = request.remoteAddress();
        if (throttle.blocked(address)) {
            return Reply.text(429, "Error=TooManyFailures\n");
        }
        String name = request.param("Email");
        String password = request.param("Passwd");
        if (name != null && password != null) {
            Optional<ApiStore.Credentials> credentials = api.credentials(name.strip());
            String hash = credentials.map(ApiStore.Credentials::passwordHash).orElseGet(this::dummyHash);
            boolean ok = Passwords.matches(password.toCharArray(), hash) && credentials.isPresent();
            if (ok) {
                String token = Passwords.newToken();
                api.addToken(credentials.get().userId(), Passwords.tokenHash(token), clock.instant());
                return Reply.text(200, "SID=" + token + "\nLSID=" + token + "\nAuth=" + token + "\n");
            }
        }
        throttle.failed(address);
        return Reply.text(401, "Error=BadAuthentication\n");
    }

    /** A hash checked when the user does not exist, so that takes as long as a wrong password. */
    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = Passwords.hash(Passwords.newToken().substring(0, 20).toCharArray());
            dummyHash = hash;
        }
        return hash;
    }

    private static Optional<String> token(@Nullable String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        String prefix = "googlelogin auth=";
        if (value.length() > prefix.length() && value.substring(0, prefix.length()).toLowerCase(Locale.ROOT).equals(prefix)) {
            String token = value.substring(prefix.length()).strip();
            return token.isEmpty() || token.length() > 200 ? Optional.empty() : Optional.of(token);
        }
        return Optional.empty();
    }

    // ---- reading

    private Reply userInfo(String user) {
        ObjectNode node = FeedJson.MAPPER.createObjectNode();
        node.put("userId", user);
        node.put("userName", user);
        node.put("userProfileId", user);
        node.put("userEmail", user);
        return Reply.json(node);
    }

    private Reply subscriptions() {
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

    private Reply tags() {
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
        for (Topic topic : store.articles().topics()) {
            if (seen.add(topic.name())) {
                list.addObject().put("id", StreamId.LABEL + topic.name()).put("label", topic.name()).put("type", "tag");
            }
        }
        return Reply.json(root);
    }

    private Reply unreadCount() {
        Map<Long, Long> newest = api.newestByFeed();
        ObjectNode root = FeedJson.MAPPER.createObjectNode();
        int total = store.articles().unreadTotal();
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
        for (UnreadCount folder : store.articles().unreadByFolder()) {
            seen.add(folder.name());
            if (folder.unread() > 0) {
                count(counts, StreamId.LABEL + folder.name(), folder.unread(), newestByFolder.getOrDefault(folder.name(), 0L));
            }
        }
        for (UnreadCount topic : store.articles().unreadByTopic()) {
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
    private StreamQuery query(StreamId stream) {
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
            return Math.min(DEFAULT_N, max);
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

    private Reply contents(Request request, StreamId stream) {
        Selection s = selection(request, stream, MAX_ITEMS);
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

    private Reply atom(Request request, StreamId stream) {
        Selection s = selection(request, stream, MAX_ITEMS);
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

    private Reply ids(Request request) {
        String s = request.param("s");
        Selection selection = selection(request, s == null ? StreamId.State.READING_LIST : StreamId.parse(s), MAX_IDS);
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

    private Reply itemContents(Request request) {
        List<Long> ids = itemIds(request);
        ObjectNode root = FeedJson.MAPPER.createObjectNode();
        root.put("direction", "ltr");
        root.put("id", StreamId.State.READING_LIST.id());
        root.put("updated", clock.instant().getEpochSecond());
        ArrayNode items = root.putArray("items");
        api.items(ids).forEach(item -> items.add(ReaderItems.json(item)));
        return Reply.json(root);
    }

    private static List<Long> itemIds(Request request) {
        List<String> values = request.params("i");
        if (values.isEmpty()) {
            throw new BadRequest("no item ids (i=)");
        }
        if (values.size() > MAX_ITEM_IDS) {
            throw new BadRequest("too many item ids: at most " + MAX_ITEM_IDS + " per call");
        }
        List<Long> ids = new ArrayList<>(values.size());
        for (String value : values) {
            ids.add(ItemIds.parse(value));
        }
        return ids;
    }

    // ---- writing

    private Reply editTag(Request request) {
        List<Long> ids = itemIds(request);
        List<Mark> marks = new ArrayList<>();
        for (String tag : request.params("a")) {
            StreamId added = StreamId.parse(tag);
            if (added == StreamId.State.READ) {
                marks.add(Mark.READ);
            } else if (added == StreamId.State.KEPT_UNREAD) {
                marks.add(Mark.UNREAD);
            } else if (added == StreamId.State.STARRED) {
                marks.add(Mark.STAR);
            }
        }
        for (String tag : request.params("r")) {
            StreamId removed = StreamId.parse(tag);
            if (removed == StreamId.State.READ) {
                marks.add(Mark.UNREAD);
            } else if (removed == StreamId.State.STARRED) {
                marks.add(Mark.UNSTAR);
            }
        }
        if (marks.contains(Mark.READ) && marks.contains(Mark.UNREAD)) {
            throw new BadRequest("cannot mark items read and unread at once");
        }
        Set<Long> known = api.existing(ids);
        Instant now = clock.instant();
        for (Mark mark : marks) {
            store.articles().mark(known, mark, now);
        }
        return Reply.text(200, "OK");
    }

    private Reply markAllAsRead(Request request) {
        String s = request.param("s");
        if (s == null || s.isBlank()) {
            throw new BadRequest("no stream (s=)");
        }
        StreamQuery query = query(StreamId.parse(s));
        Instant now = clock.instant();
        Instant upTo = now;
        String ts = request.param("ts");
        if (ts != null && !ts.isBlank()) {
            long value;
            try {
                value = Long.parseLong(ts.strip());
            } catch (NumberFormatException e) {
                throw new BadRequest("malformed ts: " + ItemIds.shorten(ts));
            }
            if (value < 0) {
                throw new BadRequest("malformed ts: " + ItemIds.shorten(ts));
            }
            // microseconds as Google Reader sends it; milliseconds and seconds are accepted too
            upTo = value > 100_000_000_000_000L ? Instant.ofEpochMilli(value / 1000)
                    : value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        }
        api.markAllRead(query, upTo, now);
        return Reply.text(200, "OK");
    }

    private Reply editSubscription(Request request) {
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

    private Reply quickAdd(Request request) {
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

    private Reply renameTag(Request request) {
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

    private Reply disableTag(Request request) {
        String name = label(Objects.requireNonNullElse(request.param("s"), Objects.requireNonNullElse(request.param("t"), "")));
        if (name == null) {
            throw new BadRequest("disable-tag needs s= or t=");
        }
        if (!api.deleteFolder(name)) {
            throw new BadRequest("no such folder: " + ItemIds.shorten(name));
        }
        return Reply.text(200, "OK");
    }

    // ---- paths

    private static String stripSlashes(String path) {
        int i = 0;
        while (i < path.length() && path.charAt(i) == '/') {
            i++;
        }
        return path.substring(i);
    }

    /** The stream named in the path after an endpoint (percent-decoded), else {@code s=}, else the reading list. */
    private static StreamId streamFromPath(String rest, Request request) {
        String encoded = stripSlashes(rest);
        if (encoded.isEmpty()) {
            String s = request.param("s");
            return s == null || s.isBlank() ? StreamId.State.READING_LIST : StreamId.parse(s);
        }
        return StreamId.parse(percentDecode(encoded));
    }

    /** Decodes {@code %XX} (UTF-8); a {@code +} stays a plus, as in paths. */
    static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else if (c == '%') {
                throw new BadRequest("malformed percent-escape in path");
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
