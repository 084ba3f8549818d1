package org.tidings.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidings.api.ApiWorld.OUTLET1;
import static org.tidings.api.ApiWorld.OUTLET2;
import static org.tidings.api.ApiWorld.OUTLET3;
import static org.tidings.api.ApiWorld.enc;
import static org.tidings.api.ApiWorld.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.tidings.store.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Feed;

/**
 * The Google Reader API over real HTTP on loopback against a real SQLite file, following the calls
 * a client makes in order; every change is checked against what {@code articles --json} shows.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class GoogleReaderProtocolTest {
    @Parameter Backend backend;
    static final String READING_LIST = "user/-/state/com.google/reading-list";
    static final String READ = "user/-/state/com.google/read";
    static final String STARRED = "user/-/state/com.google/starred";

    @TempDir Path dir;
    ApiWorld world;
    String token;
    String t;

    @BeforeEach
    void start() throws Exception {
        world = new ApiWorld(dir, backend.dbOption(dir), true, Duration.ofMillis(50));
        token = world.login();
        t = world.get("/reader/api/0/token", token).body();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private JsonNode getJson(String path) throws Exception {
        return world.json(world.get(path, token));
    }

    private HttpResponse<String> write(String endpoint, String... pairs) throws Exception {
        String[] all = new String[pairs.length + 2];
        System.arraycopy(pairs, 0, all, 0, pairs.length);
        all[pairs.length] = "T";
        all[pairs.length + 1] = t;
        return world.post("/reader/api/0/" + endpoint, token, form(all));
    }

    private long idOf(String title, String feedUrl) throws Exception {
        for (JsonNode node : world.articlesJson().get(title)) {
            if (node.get("feeds").findValuesAsText("url").contains(feedUrl)) {
                return node.get("id").asLong();
            }
        }
        throw new AssertionError("no " + title + " in " + feedUrl);
    }

    @Test
    void logsInAndListsSubscriptionsLabelsAndUser() throws Exception {
        assertThat(token).hasSize(64);
        assertThat(t).hasSize(57);
        assertThat(getJson("/reader/api/0/user-info").get("userName").asText()).isEqualTo("alice");

        JsonNode subscriptions = getJson("/reader/api/0/subscription/list?output=json").get("subscriptions");
        assertThat(subscriptions.findValuesAsText("id")).contains("feed/" + OUTLET1, "feed/" + OUTLET2, "feed/" + OUTLET3);
        for (JsonNode subscription : subscriptions) {
            List<String> labels = subscription.get("categories").findValuesAsText("id");
            if (subscription.get("id").asText().equals("feed/" + OUTLET3)) {
                assertThat(labels).isEmpty();
            } else {
                assertThat(labels).containsExactly("user/-/label/News");
            }
        }
        assertThat(subscriptions.findValuesAsText("title")).contains("Nigeria News 24", "Vanguard", "People's Daily");

        List<String> tags = getJson("/reader/api/0/tag/list?output=json").get("tags").findValuesAsText("id");
        assertThat(tags).contains(STARRED, "user/-/label/News", "user/-/label/Politics", "user/-/label/Economy");
    }

    @Test
    void unreadCountsMatchTheStore() throws Exception {
        JsonNode counts = getJson("/reader/api/0/unread-count?output=json").get("unreadcounts");
        int all = world.articlesJson("--unread").values().stream().mapToInt(List::size).sum();
        assertThat(all).isEqualTo(29);
        assertThat(count(counts, READING_LIST)).isEqualTo(all);
        assertThat(count(counts, "feed/" + OUTLET3)).isEqualTo(25);
        assertThat(count(counts, "feed/" + OUTLET1)).isEqualTo(2);
        assertThat(count(counts, "user/-/label/News")).isEqualTo(4);
        assertThat(count(counts, "user/-/label/Politics")).isEqualTo(2);
        for (JsonNode count : counts) {
            assertThat(count.get("newestItemTimestampUsec").asText()).matches("[0-9]+");
        }
    }

    private static int count(JsonNode counts, String id) {
        for (JsonNode count : counts) {
            if (count.get("id").asText().equals(id)) {
                return count.get("count").asInt();
            }
        }
        return 0;
    }

    @Test
    void readsTheReadingListInPagesWithContinuation() throws Exception {
        List<String> ids = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        String continuation = null;
        int pages = 0;
        do {
            JsonNode page = getJson("/reader/api/0/stream/contents/" + READING_LIST + "?output=json&n=10"
                    + (continuation == null ? "" : "&c=" + enc(continuation)));
            for (JsonNode item : page.get("items")) {
                ids.add(item.get("id").asText());
                times.add(item.get("timestampUsec").asLong());
                assertThat(item.get("categories").findValuesAsText("")).isEmpty();
                assertThat(item.get("id").asText()).matches("tag:google\\.com,2005:reader/item/[0-9a-f]{16}");
            }
            continuation = page.has("continuation") ? page.get("continuation").asText() : null;
            pages++;
        } while (continuation != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(29).doesNotHaveDuplicates();
        List<Long> sorted = new ArrayList<>(times);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertThat(times).isEqualTo(sorted);

        // oldest first, and an item's JSON says where it came from
        JsonNode oldest = getJson("/reader/api/0/stream/contents/feed/" + OUTLET3 + "?n=1&r=o").get("items").get(0);
        assertThat(oldest.get("title").asText()).isEqualTo("Daily brief 0");
        assertThat(oldest.get("origin").get("streamId").asText()).isEqualTo("feed/" + OUTLET3);
        assertThat(oldest.get("categories").findValuesAsText("")).isEmpty();
        assertThat(oldest.get("categories").findValuesAsText("")).isEmpty();
        assertThat(oldest.get("categories").toString()).contains(READING_LIST).doesNotContain("\"" + READ + "\"");
        assertThat(oldest.get("summary").get("content").asText()).startsWith("<p>");

        // time bounds: ot/nt in seconds
        long from = Instant.parse("2026-11-01T10:00:00Z").getEpochSecond();
        long to = Instant.parse("2026-11-01T12:00:00Z").getEpochSecond();
        JsonNode bounded = getJson("/reader/api/0/stream/contents/feed/" + OUTLET3 + "?n=50&ot=" + from + "&nt=" + to);
        assertThat(titles(bounded)).containsExactly("Daily brief 6", "Daily brief 5", "Daily brief 4");
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    @Test
    void fetchesUnreadIdsThenContentsByIdInBothForms() throws Exception {
        long naira = idOf("Naira falls", OUTLET2);
        world.store.articles().mark(List.of(naira), org.tidings.store.Mark.READ, Instant.now());

        JsonNode refs = getJson("/reader/api/0/stream/items/ids?s=" + READING_LIST + "&xt=" + READ + "&n=1000").get("itemRefs");
        Set<String> unread = new HashSet<>(refs.findValuesAsText("id"));
        assertThat(unread).hasSize(28).doesNotContain(Long.toString(naira));
        Set<String> fromCli = new HashSet<>();
        world.articlesJson("--unread").values().forEach(list -> list.forEach(node -> fromCli.add(node.get("id").asText())));
        assertThat(unread).isEqualTo(fromCli);

        long budget = idOf("Senate passes budget", OUTLET1);
        JsonNode items = world.json(world.post("/reader/api/0/stream/items/contents", token,
                form("i", Long.toString(budget), "i", ItemIds.longForm(naira)))).get("items");
        assertThat(items.findValuesAsText("id")).containsExactly(ItemIds.longForm(budget), ItemIds.longForm(naira));
        assertThat(items.get(1).get("categories").toString()).contains(READ);
        assertThat(items.get(0).get("categories").toString()).contains("user/-/label/News", "user/-/label/Politics");
    }

    @Test
    void marksReadUnreadAndStarredAndAStoryIsReadInAllItsCopies() throws Exception {
        long copy1 = idOf("Senate passes budget", OUTLET1);
        long copy2 = idOf("Senate passes budget", OUTLET2);
        assertThat(copy1).isNotEqualTo(copy2);

        assertThat(write("edit-tag", "i", ItemIds.longForm(copy1), "a", READ).body()).isEqualTo("OK");
        Map<String, List<JsonNode>> after = world.articlesJson();
        assertThat(after.get("Senate passes budget")).hasSize(2).allSatisfy(node -> assertThat(node.get("read").asBoolean()).isTrue());
        JsonNode counts = getJson("/reader/api/0/unread-count").get("unreadcounts");
        assertThat(count(counts, READING_LIST)).isEqualTo(27);

        // kept-unread, as newsboat marks unread
        assertThat(write("edit-tag", "i", Long.toString(copy2), "r", READ, "a", "user/-/state/com.google/kept-unread").body())
                .isEqualTo("OK");
        assertThat(world.articlesJson().get("Senate passes budget")).allSatisfy(node -> assertThat(node.get("read").asBoolean()).isFalse());

        assertThat(write("edit-tag", "i", Long.toString(copy2), "a", STARRED).body()).isEqualTo("OK");
        assertThat(world.articlesJson("--starred").keySet()).containsExactly("Senate passes budget");
        JsonNode starred = getJson("/reader/api/0/stream/contents/" + STARRED);
        assertThat(starred.get("items").findValuesAsText("id")).containsExactly(ItemIds.longForm(copy2));
        assertThat(write("edit-tag", "i", Long.toString(copy2), "r", STARRED).body()).isEqualTo("OK");
        assertThat(world.articlesJson("--starred")).isEmpty();

        // and the other way round: what tidings marks shows in the API at once
        assertThat(world.cli("mark", "read", Long.toString(copy1)).code()).isZero();
        JsonNode refs = getJson("/reader/api/0/stream/items/ids?s=" + READ + "&n=100").get("itemRefs");
        assertThat(refs.findValuesAsText("id")).contains(Long.toString(copy1));
    }

    @Test
    void marksAllReadUpToATime() throws Exception {
        long cutoff = Instant.parse("2026-11-01T12:00:00Z").toEpochMilli() * 1000;
        assertThat(write("mark-all-as-read", "s", "feed/" + OUTLET3, "ts", Long.toString(cutoff)).body()).isEqualTo("OK");
        Map<String, List<JsonNode>> articles = world.articlesJson("--feed", OUTLET3);
        for (int i = 0; i < 25; i++) {
            boolean read = articles.get("Daily brief " + i).get(0).get("read").asBoolean();
            assertThat(read).as("Daily brief " + i).isEqualTo(i <= 6);
        }
        assertThat(world.articlesJson("--unread", "--feed", OUTLET1)).hasSize(2);

        assertThat(write("mark-all-as-read", "s", "user/-/label/News").body()).isEqualTo("OK");
        assertThat(world.articlesJson("--unread", "--folder", "News")).isEmpty();
        assertThat(world.articlesJson("--unread")).hasSize(18);
    }

    @Test
    void subscribesRenamesMovesAndUnsubscribes() throws Exception {
        String url = "https://outlet4.example/rss";
        assertThat(write("subscription/edit", "ac", "subscribe", "s", "feed/" + url, "t", "Outlet Four",
                "a", "user/-/label/Tech").body()).isEqualTo("OK");
        Feed added = world.store.feeds().feedByUrl(url).orElseThrow();
        assertThat(added.title()).isEqualTo("Outlet Four");
        assertThat(added.folder()).isEqualTo("Tech");

        assertThat(write("subscription/edit", "ac", "edit", "s", "feed/" + url, "t", "Four", "r", "user/-/label/Tech").body())
                .isEqualTo("OK");
        added = world.store.feeds().feedByUrl(url).orElseThrow();
        assertThat(added.title()).isEqualTo("Four");
        assertThat(added.folder()).isNull();

        JsonNode quick = world.json(write("subscription/quickadd", "quickadd", "https://outlet5.example/atom.xml"));
        assertThat(quick.get("streamId").asText()).isEqualTo("feed/https://outlet5.example/atom.xml");
        assertThat(world.cli("feeds", "--json").out()).contains("outlet5.example");

        assertThat(write("subscription/edit", "ac", "unsubscribe", "s", "feed/" + url).body()).isEqualTo("OK");
        assertThat(world.store.feeds().feedByUrl(url)).isEmpty();
        assertThat(getJson("/reader/api/0/subscription/list").get("subscriptions").findValuesAsText("id"))
                .doesNotContain("feed/" + url).contains("feed/https://outlet5.example/atom.xml");
    }

    @Test
    void renamesAndRemovesAFolder() throws Exception {
        assertThat(write("rename-tag", "s", "user/-/label/News", "dest", "user/-/label/World News").body()).isEqualTo("OK");
        assertThat(world.store.feeds().folders()).containsExactly("World News");
        assertThat(world.articlesJson("--folder", "World News")).hasSize(3);
        JsonNode labelled = getJson("/reader/api/0/stream/contents/user/-/label/World%20News?n=50");
        assertThat(labelled.get("items")).hasSize(4);

        assertThat(write("disable-tag", "s", "user/-/label/World News").body()).isEqualTo("OK");
        assertThat(world.store.feeds().folders()).isEmpty();
        assertThat(world.store.feeds().feedByUrl(OUTLET1).orElseThrow().folder()).isNull();
    }

    @Test
    void servesNewsboatsAtomFormWithEscapedStreamIdsAndUnescapedItemIds() throws Exception {
        long naira = idOf("Naira falls", OUTLET2);
        world.store.articles().mark(List.of(naira), org.tidings.store.Mark.READ, Instant.now());

        HttpResponse<String> atom = world.get("//reader/atom/" + enc("feed/" + OUTLET2) + "?n=20", token);
        assertThat(atom.statusCode()).isEqualTo(200);
        assertThat(atom.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        String body = atom.body();
        assertThat(body).contains("<id>" + ItemIds.longForm(naira) + "</id>");
        assertThat(body).contains("scheme=\"http://www.google.com/reader/\" label=\"read\"");
        assertThat(body).contains("label=\"fresh\"");
        assertThat(body).contains("Senate passes budget", "Naira falls");

        // newsboat posts i= and the stream unescaped, and its base URL ends in a slash
        String unescaped = "i=" + ItemIds.longForm(naira) + "&r=user/-/state/com.google/read"
                + "&a=user/-/state/com.google/kept-unread&a=user/-/state/com.google/tracking-kept-unread&ac=edit&T=" + t;
        assertThat(world.post("//reader/api/0/edit-tag", token, unescaped).body()).isEqualTo("OK");
        assertThat(world.articlesJson().get("Naira falls").get(0).get("read").asBoolean()).isFalse();
        assertThat(world.post("//reader/api/0/mark-all-as-read", token, "s=feed/" + OUTLET2 + "&T=" + t).body()).isEqualTo("OK");
        assertThat(world.articlesJson("--unread", "--feed", OUTLET2)).isEmpty();
    }
}
