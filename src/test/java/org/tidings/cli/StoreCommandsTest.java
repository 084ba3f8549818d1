package org.tidings.cli;

import org.tidings.api.FeedJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Entry;
import org.tidings.model.FeedFormat;
import org.tidings.model.FeedHints;
import org.tidings.model.ParsedFeed;
import org.tidings.model.Subscription;
import org.tidings.store.Store;
import org.tidings.testing.Cli;
import org.tidings.testing.Cli.Result;

/** {@code articles}, {@code mark}, {@code search} and {@code cleanup} on a real database file. */
class StoreCommandsTest {
    static final String SITE = "https://nigerianews24.com.ng";

    @TempDir Path dir;
    Path db;

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    private List<JsonNode> json(Result result) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : result.out().strip().lines().toList()) {
            nodes.add(FeedJson.MAPPER.readTree(line));
        }
        return nodes;
    }

    private static Entry entry(String n, String title, String published, String... categories) {
        return new Entry(SITE + "/?p=" + n, SITE + "/" + n + "/", title, Instant.parse(published), null, "Staff",
                List.of(categories), List.of(), List.of(), "<p>" + title + " in detail.</p>", null, null);
    }

    @BeforeEach
    void fill() {
        db = dir.resolve("data/tidings.db");
        Store store = Store.open(db);
        Instant now = Instant.now();
        long main = store.feeds().add(new Subscription(SITE + "/feed/", null, null, "Nigeria", List.of()), now).feed().id();
        long foreign = store.feeds().add(Subscription.of(SITE + "/category/foreign/feed/"), now).feed().id();
        Entry envoy = entry("1", "Envoy praises trade ties", "2026-11-20T08:00:00Z", "Diplomacy");
        Entry budget = entry("2", "Senate passes budget", "2026-11-19T08:00:00Z", "Politics");
        store.ingest(main, feed("Nigerianews24", envoy, budget), now);
        store.ingest(foreign, feed("Foreign Archives - Nigerianews24", envoy), now);
    }

    private static ParsedFeed feed(String title, Entry... entries) {
        return new ParsedFeed(FeedFormat.RSS_20, title, SITE, null, null, List.of(entries), FeedHints.NONE, false, List.of());
    }

    @Test
    void articlesJsonHasOneObjectPerLineWithEveryField() throws Exception {
        Result result = run("articles", "--json");

        assertThat(result.code()).isZero();
        List<JsonNode> lines = json(result);
        assertThat(lines).hasSize(2);
        JsonNode envoy = lines.get(0);
        assertThat(envoy.fieldNames()).toIterable()
                .containsExactly("id", "title", "link", "published", "feeds", "topics", "read", "starred", "updated", "story");
        assertThat(envoy.get("title").asText()).isEqualTo("Envoy praises trade ties");
        assertThat(envoy.get("link").asText()).isEqualTo(SITE + "/1/");
        assertThat(envoy.get("published").asText()).isEqualTo("2026-11-20T08:00:00Z");
        assertThat(envoy.get("feeds")).hasSize(2);
        assertThat(envoy.get("feeds").get(1).get("title").asText()).isEqualTo("Foreign Archives - Nigerianews24");
        assertThat(envoy.get("feeds").get(1).get("url").asText()).isEqualTo(SITE + "/category/foreign/feed/");
        assertThat(envoy.get("topics").toString()).isEqualTo("[\"Diplomacy\",\"Foreign\"]");
        assertThat(envoy.get("read").asBoolean()).isFalse();
        assertThat(envoy.get("story").isNull()).isTrue();
    }

    @Test
    void articlesJsonGivesEveryCopyOfAStoryTheSameStoryId() throws Exception {
        Store store = Store.open(db);
        Instant now = Instant.now();
        long outlet = store.feeds().add(Subscription.of("https://en.people.cn/rss/Africa.xml"), now).feed().id();
        String link = "http://en.people.cn/n3/2026/envoy.html";
        store.ingest(outlet, new ParsedFeed(FeedFormat.RSS_20, "People's Daily", "http://en.people.cn/", null, null,
                List.of(new Entry(link, link, "Envoy Praises Trade Ties", Instant.parse("2026-11-20T06:00:00Z"), null, null,
                        List.of(), List.of(), List.of(), null, "The envoy praised trade ties.", null)),
                FeedHints.NONE, false, List.of()), now);

        List<JsonNode> envoys = json(run("articles", "--json")).stream()
                .filter(node -> node.get("title").asText().equalsIgnoreCase("Envoy praises trade ties")).toList();

        assertThat(envoys).hasSize(2);
        assertThat(envoys.get(0).get("story").isNumber()).isTrue();
        assertThat(envoys.get(1).get("story")).isEqualTo(envoys.get(0).get("story"));
        assertThat(envoys.get(1).get("topics").toString()).isEqualTo("[\"Africa\"]");
    }

    @Test
    void articlesFiltersByFeedFolderTopicAndLimit() throws Exception {
        assertThat(json(run("articles", "--json", "--topic", "FOREIGN"))).hasSize(1);
        assertThat(json(run("articles", "--json", "--feed", SITE + "/category/foreign/feed/"))).hasSize(1);
        assertThat(json(run("articles", "--json", "--feed", "1"))).hasSize(2);
        assertThat(json(run("articles", "--json", "--folder", "Nigeria"))).hasSize(2);
        assertThat(json(run("articles", "--json", "--limit", "1"))).hasSize(1);
        assertThat(run("articles").out()).contains("Senate passes budget").contains("(Nigerianews24)");
    }

    @Test
    void unknownFilterIsOneLineErrorWithExitTwo() {
        Result result = run("articles", "--json", "--topic", "Sports");
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err()).isEqualTo("tidings: no topic named \"Sports\"\n");
        assertThat(run("articles", "--feed", "https://nowhere.example/feed").err())
                .isEqualTo("tidings: no feed with URL https://nowhere.example/feed (see 'tidings feeds')\n");
    }

    @Test
    void marksByIdAndAllWithFilters() throws Exception {
        long envoy = json(run("articles", "--json", "--topic", "foreign")).get(0).get("id").asLong();

        Result marked = run("mark", "read", String.valueOf(envoy));
        assertThat(marked.out()).isEqualTo("1 article marked read\n");
        assertThat(json(run("articles", "--json", "--unread"))).extracting(n -> n.get("title").asText())
                .containsExactly("Senate passes budget");
        assertThat(run("mark", "star", String.valueOf(envoy)).out()).isEqualTo("1 article marked starred\n");
        assertThat(json(run("articles", "--json", "--starred"))).hasSize(1);
        assertThat(run("mark", "read", "--all", "--folder", "Nigeria").out()).isEqualTo("1 article marked read\n");
        assertThat(run("mark", "unread", "--all").out()).isEqualTo("2 articles marked unread\n");
    }

    @Test
    void markNeedsIdsOrAllAndAKnownMark() {
        assertThat(run("mark", "read").code()).isEqualTo(ExitCodes.FATAL);
        assertThat(run("mark", "read", "--all", "1").code()).isEqualTo(ExitCodes.FATAL);
        Result bad = run("mark", "archive", "1");
        assertThat(bad.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(bad.err()).startsWith("tidings: unknown mark \"archive\"; use read, unread, star or unstar");
        assertThat(run("mark", "read", "abc").code()).isEqualTo(ExitCodes.FATAL);
    }

    @Test
    void searchFindsTitleAndText() throws Exception {
        assertThat(json(run("search", "--json", "budget"))).extracting(n -> n.get("title").asText())
                .containsExactly("Senate passes budget");
        assertThat(json(run("search", "--json", "staff"))).hasSize(2);
        assertThat(run("search", "nothingmatches").out()).isEqualTo("no articles match \"nothingmatches\"\n");
        assertThat(run("search", "--json", "nothingmatches").out()).isEmpty();
        Result bad = run("search", "***");
        assertThat(bad.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(bad.err()).isEqualTo("tidings: nothing to search for in \"***\"\n");
    }

    @Test
    void searchTakesTheArticleFilters() throws Exception {
        assertThat(json(run("search", "--json", "--topic", "Politics", "staff"))).extracting(n -> n.get("title").asText())
                .containsExactly("Senate passes budget");
        assertThat(json(run("search", "--json", "--starred", "staff"))).isEmpty();
        Result bad = run("search", "--folder", "Nowhere", "staff");
        assertThat(bad.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(bad.err()).isEqualTo("tidings: no folder named \"Nowhere\"\n");
    }

    @Test
    void cleanupKeepsArticlesStillInFeeds() {
        Result result = run("cleanup", "--days", "0");
        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo("deleted 0 articles; kept 2 older ones (starred or still in a feed)\n");
        assertThat(run("cleanup", "--days", "-1").code()).isEqualTo(ExitCodes.FATAL);
    }

    @Test
    void newerDatabaseIsRefusedInOneLine() {
        int latest;
        try (Store fresh = Store.open(dir.resolve("fresh.db"))) {
            latest = fresh.schemaVersion();
        }
        org.tidings.store.SqliteDialect.jdbi(db).useHandle(h -> h.execute("PRAGMA user_version = 42"));
        Result result = run("articles");
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err()).isEqualTo("tidings: the database has schema version 42, newer than this tidings knows (" + latest + ");"
                + " use a newer tidings or another --db\n");
    }
}
