package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidings.store.Feeds.entry;
import static org.tidings.store.Feeds.feed;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Article;
import org.tidings.model.Entry;
import org.tidings.model.Subscription;

/** Story groups kept incrementally on the real store: merges, edits, headlines turning generic. */
@ParameterizedClass
@EnumSource(Backend.class)
class StoryGrouperTest {
    @Parameter Backend backend;
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String PUBLISHED = "2026-11-20T08:00:00Z";
    private static final String PORT = "The Lekki Deep Sea Port handled a record 52,000 containers in October, its operator said"
            + " on Thursday, as shipping lines moved more cargo away from congested Apapa and exporters of cocoa and sesame"
            + " began using the port.";
    private static final String RAIL = "A new freight rail line built by a Chinese company has linked Abuja's dry port to the"
            + " Kaduna industrial zone, cutting the travel time for container cargo from two days by road to six hours,"
            + " officials said on Tuesday.";

    @TempDir Path dir;
    private Store store;
    private final Map<String, Long> feeds = new HashMap<>();

    @BeforeEach
    void open() {
        store = backend.open(dir);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private long ingest(String site, Entry entry) {
        long feed = feeds.computeIfAbsent(site, s -> store.feeds().add(Subscription.of("https://" + s + "/feed"), NOW).feed().id());
        var result = store.ingest(feed, feed(site, "https://" + site + "/", entry), NOW);
        return result.addedIds().isEmpty() ? -1 : result.addedIds().get(0);
    }

    private static Entry item(String site, String slug, String title, String body) {
        String link = "https://" + site + "/" + slug;
        return entry(link, link, title, PUBLISHED, "<p>" + body + "</p>");
    }

    /** The stored groups, as sets of article ids. */
    private Set<Set<Long>> groups() {
        Map<Long, Set<Long>> groups = new HashMap<>();
        for (Article article : store.articles().page(ArticleQuery.all(), null, 1000).articles()) {
            if (article.story() != null) {
                groups.computeIfAbsent(article.story(), k -> new TreeSet<>()).add(article.id());
            }
        }
        return new HashSet<>(groups.values());
    }

    @Test
    void aNewArticleLinkingTwoGroupsMergesThem() {
        long a = ingest("en.people.cn", item("en.people.cn", "a", "Lekki Deep Sea Port handles record container volume", PORT));
        long b = ingest("punchng.com", item("punchng.com", "b", "Lekki deep sea port handles record container volume", "Short."));
        long c = ingest("xinhuanet.com", item("xinhuanet.com", "c", "Freight rail links Abuja to Kaduna industrial zone", RAIL));
        long d = ingest("cgtn.com", item("cgtn.com", "d", "Freight rail links Abuja to Kaduna industrial zone", "Other words."));
        assertThat(groups()).containsExactlyInAnyOrder(Set.of(a, b), Set.of(c, d));

        long e = ingest("nigerianews24.com.ng", item("nigerianews24.com.ng", "e",
                "Week in business: Lekki port record, Abuja-Kaduna freight rail", "Roundup. " + RAIL + " " + PORT));

        assertThat(groups()).containsExactly(Set.of(a, b, c, d, e));
    }

    @Test
    void anEditedHeadlineLeavesTheGroup() {
        long a = ingest("en.people.cn", item("en.people.cn", "a", "Lekki Deep Sea Port handles record container volume", PORT));
        long b = ingest("punchng.com", item("punchng.com", "b", "Lekki deep sea port handles record container volume", "Short."));
        assertThat(groups()).containsExactly(Set.of(a, b));

        ingest("punchng.com", item("punchng.com", "b", "Customs revenue at Apapa falls in October", "Short."));

        assertThat(groups()).isEmpty();
        assertThat(store.articles().article(b).orElseThrow().story()).isNull();
    }

    @Test
    void anEditedBodyJoinsTheGroupItNowMatches() {
        long a = ingest("en.people.cn", item("en.people.cn", "a", "Lekki port sets container record", PORT));
        long b = ingest("punchng.com", item("punchng.com", "b", "Record cargo at Lekki port as Apapa congestion bites", "To follow."));
        assertThat(groups()).isEmpty();

        ingest("punchng.com", item("punchng.com", "b", "Record cargo at Lekki port as Apapa congestion bites", "LAGOS - " + PORT));

        assertThat(groups()).containsExactly(Set.of(a, b));
    }

    @Test
    void aHeadlineRecurringAtOneOutletStopsGrouping() {
        long a = ingest("businessday.ng", item("businessday.ng", "m1", "Markets at a glance today", "Stocks rose."));
        long b = ingest("vanguardngr.com", item("vanguardngr.com", "m", "Markets at a glance today", "Oil steady."));
        assertThat(groups()).containsExactly(Set.of(a, b));

        ingest("businessday.ng", item("businessday.ng", "m2", "Markets at a glance today", "Stocks fell."));

        assertThat(groups()).isEmpty();
    }

    @Test
    void theSameArticleInTwoFeedsOfOneSiteIsOneArticleInNoStory() {
        long a = ingest("nigerianews24.com.ng", item("nigerianews24.com.ng", "a", "Lekki port sets container record", PORT));
        long feed = store.feeds().add(Subscription.of("https://nigerianews24.com.ng/category/business/feed/"), NOW).feed().id();
        store.ingest(feed, feed("Business - Nigerianews24", "https://nigerianews24.com.ng/",
                item("nigerianews24.com.ng", "a", "Lekki port sets container record", PORT)), NOW);

        assertThat(store.articles().page(ArticleQuery.all(), null, 10).articles()).extracting(Article::id).containsExactly(a);
        assertThat(groups()).isEmpty();
    }
}
