package org.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.fetch.FetchConfig;
import org.tidings.fetch.HttpFetcher;
import org.tidings.model.Article;
import org.tidings.model.FeedSummary;
import org.tidings.model.Subscription;
import org.tidings.parse.FeedParser;
import org.tidings.store.ArticleQuery;
import org.tidings.store.Mark;
import org.tidings.store.Store;
import org.tidings.tui.ArticleRow;
import org.tidings.tui.Selection;
import org.tidings.tui.StoreReaderData;
import org.tidings.tui.StoryCopy;
import org.tidings.tui.TopicCount;

/**
 * Issue 12 end to end: three outlets served over loopback (a WordPress site with overlapping
 * category feeds that republishes People's Daily, People's Daily's own lead-only section feeds, a
 * wire), synced in three rounds (a new copy, an edited headline, a deleted post, a backdated
 * post); after each round every story group, every topic and every unread count is checked.
 */
class StoriesEndToEndTest {
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private static final String RAIL_LEAD = "A new freight rail line built by a Chinese company has linked Abuja's dry port to"
            + " the Kaduna industrial zone, cutting the travel time for container cargo from two days by road to six hours,"
            + " officials said on Tuesday.";
    private static final String RAIL_MORE = "The 187-kilometre line runs parallel to the existing passenger service and can"
            + " carry up to 40 trains a week. Local manufacturers welcomed the project.";
    private static final String PORT_LEAD = "The Lekki Deep Sea Port, built and partly owned by China Harbour Engineering"
            + " Company, handled a record 52,000 containers in October, its operator said on Thursday, as shipping lines"
            + " moved more cargo away from congested Apapa.";
    private static final String PORT_MORE = "The port, Nigeria's first deep sea port, opened in 2023. Its managing director"
            + " said dwell times had fallen to five days.";
    private static final String CASSAVA_LEAD = "Chinese agricultural experts working at a demonstration centre in Nigeria's"
            + " Benue state have helped local farmers double their cassava yields in two seasons, using improved seedlings"
            + " and drip irrigation.";
    private static final String CASSAVA_MORE = "The centre has trained more than 4,500 farmers since it opened in 2024.";
    private static final String FM_LEAD = "Chinese Foreign Minister Wang Yi arrived in Abuja on Thursday, the first stop of a"
            + " four-nation tour of Africa, keeping a 36-year tradition of Chinese foreign ministers visiting Africa first.";
    private static final String NAIRA = "The naira %s against the US dollar at the official market, data from FMDQ showed,"
            + " as demand for foreign currency from importers %s. Dealers said the central bank sold dollars to banks.";

    @TempDir Path dir;

    private final InstantSource clock = InstantSource.system();
    private final Instant now = clock.instant();
    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private Store store;
    private HttpFetcher fetcher;
    private Syncer syncer;
    private StoreReaderData reader;

    @BeforeEach
    void open() throws IOException {
        store = Store.open(dir.resolve("tidings.db"));
        fetcher = new HttpFetcher(FetchConfig.defaults("test", "http://tidings.test")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)), clock);
        syncer = new Syncer(store, fetcher, new FeedParser(), new PollScheduler(PollPolicy.DEFAULT, clock),
                new Backoff(BackoffPolicy.DEFAULT, clock, new Random(1)), clock);
        reader = new StoreReaderData(store, dir.resolve("tidings.db"), clock);
        for (String outlet : List.of("pd", "nn", "wire")) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = documents.get(outlet + exchange.getRequestURI().getPath());
                byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            servers.put(outlet, server);
        }
    }

    @AfterEach
    void close() throws Exception {
        syncer.close();
        fetcher.close();
        servers.values().forEach(server -> server.stop(0));
    }

    private String url(String outlet, String path) {
        return "http://127.0.0.1:" + servers.get(outlet).getAddress().getPort() + path;
    }

    /** An RSS item; {@code html} null makes a lead-only item (description only). */
    private record Item(String slug, String link, String title, Instant published, String description, String html) {}

    private Item pd(String slug, String title, String lead, Duration ago) {
        return new Item(slug, "http://en.people.cn/n3/2026/" + slug + ".html", title, now.minus(ago), lead, null);
    }

    private Item nn(int post, String slug, String title, String body, Duration ago) {
        String html = "<p><strong>By Staff | People\u2019s Daily</strong></p><p><em>Source: People\u2019s Daily</em></p>"
                + "<p>" + body.replace("'", "\u2019") + "</p><p>The post appeared first on Nigerianews24.</p>";
        return new Item(slug, "https://nigerianews24.example/?p=" + post, title, now.minus(ago),
                body.substring(0, 60) + " [\u2026]", html);
    }

    private Item wire(String slug, String title, String body, Duration ago) {
        return new Item(slug, "https://meridianwire.example/news/" + slug, title, now.minus(ago), body.substring(0, 80),
                "<p>LAGOS (Meridian) - " + body + "</p>");
    }

    private void serve(String outlet, String path, String title, String site, Item... items) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
                """);
        xml.append("<title>").append(escape(title)).append("</title><link>").append(site).append("</link>\n");
        for (Item item : items) {
            xml.append("<item><title>").append(escape(item.title())).append("</title><link>").append(escape(item.link()))
                    .append("</link><guid isPermaLink=\"true\">").append(escape(item.link())).append("</guid><pubDate>")
                    .append(RFC_822.format(item.published())).append("</pubDate><description>")
                    .append(escape(item.description())).append("</description>");
            if (item.html() != null) {
                xml.append("<content:encoded><![CDATA[").append(item.html()).append("]]></content:encoded>");
            }
            xml.append("</item>\n");
        }
        documents.put(outlet + path, xml.append("</channel></rss>\n").toString());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void sync() throws Exception {
        SyncSummary summary = syncer.sync(store.feeds().list(), new Syncer.Listener() {});
        assertThat(summary.failed()).as(summary.toString()).isZero();
    }

    /** Every article by its item slug. */
    private Map<String, Article> articles() {
        Map<String, Article> bySlug = new TreeMap<>();
        for (Article article : store.articles().page(ArticleQuery.all(), null, 1000).articles()) {
            String link = String.valueOf(article.link());
            String slug = link.substring(link.lastIndexOf('/') + 1).replace(".html", "");
            bySlug.put(slug.startsWith("?p=") ? "nn-" + slugOfPost(slug) : slug, article);
        }
        return bySlug;
    }

    private final Map<String, String> posts = new HashMap<>();

    private String slugOfPost(String query) {
        return posts.get(query);
    }

    private Set<Set<String>> groups() {
        Map<Long, Set<String>> groups = new HashMap<>();
        articles().forEach((slug, article) -> {
            if (article.story() != null) {
                groups.computeIfAbsent(article.story(), k -> new TreeSet<>()).add(slug);
            }
        });
        return new HashSet<>(groups.values());
    }

    private Map<String, Set<String>> topics() {
        Map<String, Set<String>> topics = new TreeMap<>();
        articles().forEach((slug, article) -> topics.put(slug, new TreeSet<>(article.topics())));
        return topics;
    }

    private Map<String, Integer> topicCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (TopicCount count : reader.topics()) {
            counts.put(count.name(), count.unread());
        }
        return counts;
    }

    private Map<String, Integer> feedCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (FeedSummary summary : store.feeds().summaries()) {
            counts.put(summary.feed().title(), summary.unread());
        }
        return counts;
    }

    private List<ArticleRow> unreadRows() {
        return reader.articles(new Selection.AllUnread(), true, Optional.empty(), 100).articles();
    }

    @Test
    void storiesTopicsAndCountsAfterEachRound() throws Exception {
        Duration h = Duration.ofHours(1);
        posts.put("?p=101", "rail");
        posts.put("?p=102", "port");
        posts.put("?p=103", "fm");
        posts.put("?p=104", "naira");
        posts.put("?p=105", "cassava");
        Item pdRail = pd("pd-rail", "China-built rail line links Abuja to Kaduna industrial zone", RAIL_LEAD, h.multipliedBy(30));
        Item pdPort = pd("pd-port", "Lekki Deep Sea Port handles record container volume", PORT_LEAD, h.multipliedBy(20));
        Item pdCassava = pd("pd-cassava", "Chinese experts help Nigerian farmers double cassava yields", CASSAVA_LEAD, h.multipliedBy(10));
        Item pdFm = pd("pd-fm", "Chinese foreign minister visits Nigeria at start of Africa tour", FM_LEAD, h.multipliedBy(8));
        Item nnRail = nn(101, "rail", "China-Built Rail Line Links Abuja To Kaduna Industrial Zone", RAIL_LEAD + " " + RAIL_MORE,
                h.multipliedBy(26));
        Item nnPort = nn(102, "port", "Lekki Deep Sea Port Handles Record Container Volume", PORT_LEAD + " " + PORT_MORE,
                h.multipliedBy(18));
        Item nnFm = nn(103, "fm", "Chinese Foreign Minister Visits Nigeria At Start Of Africa Tour",
                "Details of this developing story will follow shortly, our correspondent in Abuja reports.", h.multipliedBy(7));
        Item nnNaira = nn(104, "naira", "Naira gains against dollar at official market", String.format(NAIRA, "appreciated", "eased"),
                h.multipliedBy(6));
        Item wireRail = wire("wire-rail", "Abuja-Kaduna freight rail cuts cargo time to six hours", RAIL_LEAD + " " + RAIL_MORE,
                h.multipliedBy(29));
        Item wireNaira = wire("wire-naira", "Naira falls against dollar at official market", String.format(NAIRA, "depreciated", "rose"),
                h.multipliedBy(5));
        String pdSite = "http://en.people.cn/";
        String nnSite = "https://nigerianews24.example/";
        serve("pd", "/rss/Africa.xml", "People's Daily", pdSite, pdRail, pdPort, pdCassava, pdFm);
        serve("pd", "/rss/business.xml", "People's Daily - Business", pdSite, pdPort);
        serve("nn", "/feed/", "Nigerianews24", nnSite, nnRail, nnPort, nnFm, nnNaira);
        serve("nn", "/category/china/feed/", "China Archives - Nigerianews24", nnSite, nnRail, nnPort, nnFm);
        serve("nn", "/category/business/feed/", "Business Archives - Nigerianews24", nnSite, nnPort, nnNaira);
        serve("wire", "/feed.xml", "Meridian Wire", "https://meridianwire.example/", wireRail, wireNaira);
        for (String path : List.of("/rss/Africa.xml", "/rss/business.xml")) {
            store.feeds().add(Subscription.of(url("pd", path)), now);
        }
        for (String path : List.of("/feed/", "/category/china/feed/", "/category/business/feed/")) {
            store.feeds().add(Subscription.of(url("nn", path)), now);
        }
        store.feeds().add(Subscription.of(url("wire", "/feed.xml")), now);

        // Round 1: every outlet's first documents.
        sync();
        assertThat(articles()).hasSize(10);
        assertThat(groups()).containsExactlyInAnyOrder(
                Set.of("pd-rail", "nn-rail", "wire-rail"), Set.of("pd-port", "nn-port"), Set.of("pd-fm", "nn-fm"));
        Map<String, Set<String>> topics = new TreeMap<>(Map.of(
                "pd-rail", Set.of("Africa"), "pd-port", Set.of("Africa", "Business"), "pd-cassava", Set.of("Africa"),
                "pd-fm", Set.of("Africa"), "nn-rail", Set.of("China"), "nn-port", Set.of("China", "Business"),
                "nn-fm", Set.of("China"), "nn-naira", Set.of("Business"), "wire-rail", Set.of(), "wire-naira", Set.of()));
        assertThat(topics()).isEqualTo(topics);
        assertThat(reader.sources().allUnread()).isEqualTo(6); // 10 articles, 6 stories
        assertThat(topicCounts()).isEqualTo(Map.of("Africa", 4, "Business", 2, "China", 3));
        assertThat(feedCounts()).isEqualTo(Map.of("People's Daily", 4, "People's Daily - Business", 1, "Nigerianews24", 4,
                "China Archives - Nigerianews24", 3, "Business Archives - Nigerianews24", 2, "Meridian Wire", 2));
        assertThat(unreadRows()).hasSize(6);
        ArticleRow railRow = unreadRows().stream().filter(row -> row.title().toLowerCase().contains("rail")).findFirst().orElseThrow();
        assertThat(railRow.alsoAt()).extracting(StoryCopy::source).hasSize(2);

        // Reading one copy marks the story read.
        assertThat(store.articles().mark(List.of(articles().get("pd-rail").id()), Mark.READ, now)).isEqualTo(3);

        // Round 2: the site retitles its placeholder (it leaves the minister's story), deletes
        // the naira post, and republishes the cassava story.
        Item nnFmEdited = nn(103, "fm", "Tinubu receives Chinese envoy at Aso Rock",
                "President Bola Tinubu received the Chinese ambassador at the Presidential Villa on Thursday to discuss"
                        + " the rail and port projects financed by Chinese banks.", h.multipliedBy(7));
        Item nnCassava = nn(105, "cassava", "Chinese Experts Help Nigerian Farmers Double Cassava Yields",
                CASSAVA_LEAD + " " + CASSAVA_MORE, h.multipliedBy(4));
        serve("nn", "/feed/", "Nigerianews24", nnSite, nnCassava, nnRail, nnPort, nnFmEdited);
        serve("nn", "/category/china/feed/", "China Archives - Nigerianews24", nnSite, nnCassava, nnRail, nnPort, nnFmEdited);
        serve("nn", "/category/business/feed/", "Business Archives - Nigerianews24", nnSite, nnPort);
        sync();
        assertThat(articles()).hasSize(11); // the deleted post stays until retention removes it
        assertThat(articles().get("nn-fm").title()).isEqualTo("Tinubu receives Chinese envoy at Aso Rock");
        assertThat(groups()).containsExactlyInAnyOrder(
                Set.of("pd-rail", "nn-rail", "wire-rail"), Set.of("pd-port", "nn-port"), Set.of("pd-cassava", "nn-cassava"));
        topics.put("nn-cassava", Set.of("China"));
        assertThat(topics()).isEqualTo(topics);
        // unread: pd-port, nn-port, pd-cassava, nn-cassava, pd-fm, nn-fm, nn-naira, wire-naira = 6 stories
        assertThat(reader.sources().allUnread()).isEqualTo(6);
        assertThat(topicCounts()).isEqualTo(Map.of("Africa", 3, "Business", 2, "China", 3));
        assertThat(feedCounts()).isEqualTo(Map.of("People's Daily", 3, "People's Daily - Business", 1, "Nigerianews24", 4,
                "China Archives - Nigerianews24", 3, "Business Archives - Nigerianews24", 2, "Meridian Wire", 1));

        // Round 3: the wire adds its cassava copy under its own headline, and a backdated piece
        // whose headline equals the port story's but which is five days older.
        Item wireCassava = wire("wire-cassava", "Benue cassava farmers double harvest with Chinese help",
                CASSAVA_LEAD + " " + CASSAVA_MORE, h.multipliedBy(3));
        Item wireOldPort = wire("wire-old-port", "Lekki Deep Sea Port handles record container volume",
                "The Lekki Deep Sea Port handled a record number of vehicles in its roll-on roll-off terminal last month,"
                        + " its operator said.", Duration.ofDays(5).plus(h.multipliedBy(20)));
        serve("wire", "/feed.xml", "Meridian Wire", "https://meridianwire.example/", wireCassava, wireRail, wireNaira, wireOldPort);
        sync();
        assertThat(articles()).hasSize(13);
        assertThat(groups()).containsExactlyInAnyOrder(Set.of("pd-rail", "nn-rail", "wire-rail"), Set.of("pd-port", "nn-port"),
                Set.of("pd-cassava", "nn-cassava", "wire-cassava"));
        topics.put("wire-cassava", Set.of());
        topics.put("wire-old-port", Set.of());
        assertThat(topics()).isEqualTo(topics);
        assertThat(reader.sources().allUnread()).isEqualTo(7);
        assertThat(topicCounts()).isEqualTo(Map.of("Africa", 3, "Business", 2, "China", 3));
        assertThat(feedCounts()).containsEntry("Meridian Wire", 3);
        List<ArticleRow> rows = unreadRows();
        assertThat(rows).hasSize(7);
        ArticleRow cassava = rows.stream().filter(row -> row.title().toLowerCase().contains("cassava")).findFirst().orElseThrow();
        assertThat(cassava.alsoAt()).extracting(StoryCopy::source).hasSize(2).anyMatch(source -> source.startsWith("People's Daily")
                || source.startsWith("Nigerianews24") || source.startsWith("China Archives"));
    }
}
