package org.tidings.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tidings.store.ApiUsers;
import org.tidings.store.Store;

/**
 * The Google Reader API on a {@link Store}, apart from HTTP: a request (method, the path after
 * the base {@code /api/greader}, its parameters, the Authorization header, the client's address)
 * becomes a {@link Reply}. Every endpoint but {@code accounts/ClientLogin} needs a login token;
 * write calls also need POST and the {@code T} token. Bad input is a 400 with one line, and
 * nothing is changed.
 *
 * <p>This class routes and checks; the jobs live beside it: {@link ReaderLogin} (login tokens,
 * throttle), {@link ReaderStreams} (stream contents and ids), {@link ReaderMarks} ({@code
 * edit-tag}, {@code mark-all-as-read}), {@link ReaderSubscriptions} (subscriptions, tags, unread
 * counts) and {@link ReaderItems} (items as JSON and Atom).
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

    private final ApiUsers users;
    private final ReaderLogin login;
    private final ReaderStreams streams;
    private final ReaderMarks marks;
    private final ReaderSubscriptions subscriptions;

    public GoogleReader(Store store, InstantSource clock, Duration failureDelay) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        this.users = store.apiUsers();
        this.login = new ReaderLogin(users, clock, failureDelay);
        this.streams = new ReaderStreams(store, clock);
        this.marks = new ReaderMarks(store, streams, clock);
        this.subscriptions = new ReaderSubscriptions(store, clock);
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
        return users.hasUsers();
    }

    public Reply handle(Request request) {
        if (!enabled()) {
            return Reply.text(404, "the sync API is off: add a user with 'tidings api-user add NAME'\n");
        }
        String path = stripSlashes(request.rawPath());
        try {
            if (path.equals("accounts/ClientLogin")) {
                return login.login(request);
            }
            if (login.blocked(request.remoteAddress())) {
                return Reply.text(429, "too many failed logins from this address; try again later\n");
            }
            Optional<String> token = ReaderLogin.token(request.authorization());
            Optional<String> user = token.flatMap(login::user);
            if (user.isEmpty()) {
                login.failed(request.remoteAddress());
                return new Reply(401, TEXT, "Unauthorized\n", Map.of("WWW-Authenticate", "GoogleLogin"));
            }
            if (path.startsWith("reader/atom")) {
                return streams.atom(request, streamFromPath(path.substring("reader/atom".length()), request));
            }
            if (!path.startsWith("reader/api/0/")) {
                return Reply.text(404, "not found\n");
            }
            String rest = stripSlashes(path.substring("reader/api/0/".length()));
            if (rest.startsWith("stream/contents")) {
                return streams.contents(request, streamFromPath(rest.substring("stream/contents".length()), request));
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
                    return subscriptions.subscriptions();
                case "tag/list":
                    return subscriptions.tags();
                case "unread-count":
                    return subscriptions.unreadCount();
                case "stream/items/ids":
                    return streams.ids(request);
                case "stream/items/contents":
                    return streams.itemContents(request);
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
                    return marks.editTag(request);
                case "mark-all-as-read":
                    return marks.markAllAsRead(request);
                case "subscription/edit":
                    return subscriptions.editSubscription(request);
                case "subscription/quickadd":
                    return subscriptions.quickAdd(request);
                case "rename-tag":
                    return subscriptions.renameTag(request);
                case "disable-tag":
                    return subscriptions.disableTag(request);
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

    private Reply userInfo(String user) {
        ObjectNode node = FeedJson.MAPPER.createObjectNode();
        node.put("userId", user);
        node.put("userName", user);
        node.put("userProfileId", user);
        node.put("userEmail", user);
        return Reply.json(node);
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
