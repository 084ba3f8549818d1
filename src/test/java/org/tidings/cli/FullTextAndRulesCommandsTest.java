package org.tidings.cli;

import org.tidings.api.FeedJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.testing.NewsSite;
import org.tidings.testing.Cli;
import org.tidings.testing.Cli.Result;

/** {@code feeds fulltext}, {@code sync} with full text and rules, {@code show}, {@code rules}, {@code articles --hidden}. */
class FullTextAndRulesCommandsTest {
    @TempDir Path dir;
    private Path db;
    private Path config;
    private NewsSite site;

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString(), "--config", config.toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    @BeforeEach
    void start() throws Exception {
        db = dir.resolve("tidings.db");
        config = dir.resolve("config.toml");
        site = NewsSite.start(2, 3);
        Files.writeString(config, """
                [fetch]
                proxy = ""

                # measure 0 of every feed is hidden, measure 1 starred and filed under a topic
                [[rules]]
                field = "title"
                pattern = "(?i)^measure 0 "
                action = "hide"

                [[rules]]
                field = "title"
                pattern = "^Measure 1 "
                action = "star"

                [[rules]]
                field = "content"
                pattern = "measure 1 on Monday"
                action = "topic:Measures"
                feed = "%s"
                """.formatted(site.feedUrl(0)));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private List<JsonNode> articles(String... filters) throws Exception {
        List<String> args = new ArrayList<>(List.of("articles", "--json"));
        args.addAll(List.of(filters));
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : run(args.toArray(String[]::new)).out().strip().lines().toList()) {
            nodes.add(FeedJson.MAPPER.readTree(line));
        }
        return nodes;
    }

    @Test
    void syncFetchesFullTextAndAppliesRules() throws Exception {
        assertThat(run("add", site.feedUrl(0)).code()).isZero();
        assertThat(run("add", site.feedUrl(1)).code()).isZero();
        Result on = run("feeds", "fulltext", site.feedUrl(0), "on");
        assertThat(on.code()).isZero();
        assertThat(on.out()).startsWith("Full text on for 1 ");

        Result sync = run("sync"); // measure 0 is hidden by a rule at ingest: its page is not fetched
        assertThat(sync.code()).isZero();
        assertThat(sync.out()).contains("full text: 2 pages, 2 extracted, 0 failed");

        // hidden: out of the lists and the unread counts, listed with --hidden
        List<JsonNode> shown = articles();
        assertThat(shown).hasSize(4).allSatisfy(node -> assertThat(node.get("title").asText()).doesNotStartWith("Measure 0 "));
        assertThat(articles("--hidden")).hasSize(2);
        assertThat(run("feeds", "--json").out()).contains("\"unread\":2");
        JsonNode starred = shown.stream().filter(node -> node.get("starred").asBoolean()).findFirst().orElseThrow();
        assertThat(shown.stream().filter(node -> node.get("starred").asBoolean())).hasSize(2);

        // show: the feed's lead and the page's full text
        long id = starred.get("id").asLong();
        Result show = run("show", String.valueOf(id));
        assertThat(show.code()).isZero();
        String expectedFeeds = starred.get("feeds").get(0).get("title").asText();
        assertThat(show.out()).contains("feeds:     " + expectedFeeds).contains("· starred");
        if (starred.get("link").asText().contains("/news/0/")) {
            assertThat(show.out()).contains("topics:    Measures").contains("full text: fetched 20")
                    .contains("--- full text (").contains("paragraph 6").doesNotContain("Accept all cookies");
        } else {
            assertThat(show.out()).contains("full text: none").doesNotContain("Measures");
        }
        JsonNode json = FeedFormatted.read(run("show", String.valueOf(id), "--json").out());
        assertThat(json.get("content_text").asText()).startsWith("Officials in district");
        assertThat(json.get("hidden").asBoolean()).isFalse();

        // restore: back in the lists, unread again
        long hidden = articles("--hidden").get(0).get("id").asLong();
        assertThat(run("rules", "restore", String.valueOf(hidden)).out()).isEqualTo("Restored 1 article\n");
        assertThat(articles("--hidden")).hasSize(1);
        assertThat(articles("--unread")).extracting(node -> node.get("id").asLong()).contains(hidden);
        assertThat(run("feeds", "--json").out()).contains("\"unread\":3");

        // rules apply hides it again; rules test shows what a pattern would catch
        assertThat(run("rules", "apply").out()).startsWith("1 articles changed: 1 hidden");
        Result test = run("rules", "test", "title", "^Measure 2 ");
        assertThat(test.code()).isZero();
        assertThat(test.out()).contains("Measure 2 announced in district 0", "Measure 2 announced in district 1")
                .endsWith("2 articles match\n");
    }

    @Test
    void showFetchesOnDemandAndTellsWhyAPageFailed() throws Exception {
        run("add", site.brokenFeedUrl());
        assertThat(run("sync").code()).isZero();
        JsonNode missing = articles().stream().filter(node -> node.get("link").asText().endsWith("missing.html"))
                .findFirst().orElseThrow();
        String id = missing.get("id").asText();
        assertThat(run("show", id).out()).contains("full text: none");

        Result fetched = run("show", id, "--fetch");
        assertThat(fetched.code()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(fetched.out()).contains("full text: no full text: HTTP 404 Not Found").contains("Officials in district 99");
        JsonNode json = FeedFormatted.read(run("show", id, "--json").out());
        assertThat(json.get("full_text").get("status").asText()).isEqualTo("failed");
        assertThat(json.get("full_text").get("reason").asText()).isEqualTo("HTTP 404 Not Found");
    }

    @Test
    void badRulesAreRefusedWithTheLineAndTheReason() throws Exception {
        Files.writeString(config, """
                [[rules]]
                field = "title"
                pattern = "ok"
                action = "read"

                [[rules]]
                field = "title"
                pattern = "(?i)[sponsored"
                action = "hide"
                """);
        Result result = run("articles");
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err()).isEqualTo("tidings: " + config + ":8: invalid pattern \"(?i)[sponsored\": Unclosed character class at 13\n");

        Files.writeString(config, """
                [[rules]]
                field = "title"
                pattern = "ok"
                action = "delete"
                """);
        assertThat(run("sync").err()).contains(config + ":4: unknown action \"delete\"");

        Files.writeString(config, """
                [[rules]]
                field = "headline"
                pattern = "ok"
                action = "hide"
                """);
        assertThat(run("rules").err()).contains(config + ":2: unknown field \"headline\"");

        Files.writeString(config, """
                [[rules]]
                field = "title"
                pattern = "ok"
                action = "hide"
                colour = "red"
                """);
        assertThat(run("rules").err()).contains(config + ":5: unknown key 'colour' in a rule");
    }

    @Test
    void rulesListsTheConfiguredRulesInOrder() {
        Result result = run("rules");
        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo("""
                  1  title ~ /(?i)^measure 0 / -> hide
                  2  title ~ /^Measure 1 / -> star
                  3  content ~ /measure 1 on Monday/ -> topic:Measures (feed %s)
                """.formatted(site.feedUrl(0)));
    }

    @Test
    void feedsFulltextRefusesAnythingButOnOrOff() {
        run("add", site.feedUrl(0));
        Result result = run("feeds", "fulltext", "1", "maybe");
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err()).contains("say on or off, not \"maybe\"");
        assertThat(run("feeds", "fulltext", "1").out()).startsWith("Full text off for 1 ");
        assertThat(run("feeds", "fulltext", "42", "on").err()).contains("no feed with id 42");
    }

    @Test
    void importAndExportKeepTheFullTextSwitch() throws Exception {
        Path opml = Files.writeString(dir.resolve("in.opml"), """
                <opml version="2.0"><body>
                  <outline text="Lead only" xmlUrl="%s" fullText="true"/>
                  <outline text="Full" xmlUrl="%s"/>
                </body></opml>""".formatted(site.feedUrl(0), site.feedUrl(1)));
        assertThat(run("import", opml.toString()).code()).isZero();
        assertThat(run("feeds", "fulltext", site.feedUrl(0)).out()).startsWith("Full text on");
        assertThat(run("feeds", "fulltext", site.feedUrl(1)).out()).startsWith("Full text off");
        String exported = run("export").out();
        assertThat(exported).containsOnlyOnce("fullText=\"true\"").contains("xmlUrl=\"" + site.feedUrl(0) + "\" fullText=\"true\"");
    }

    /** One JSON document. */
    private static final class FeedFormatted {
        static JsonNode read(String text) throws Exception {
            return FeedJson.MAPPER.readTree(text);
        }
    }
}
