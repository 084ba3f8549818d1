package org.tidings.opml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tidings.model.Subscription;

/** The repository's own feeds.opml: what a new user starts with. */
class DefaultFeedsTest {
    private static final Path FEEDS_OPML = Path.of("feeds.opml");
    private static final String SITE = "Nigeria News 24";

    @Test
    void hasTheFourFoldersInOrder() throws Exception {
        OpmlDocument document = new OpmlReader().read(FEEDS_OPML);

        assertThat(document.folders()).containsExactly(SITE, "People's Daily", "Nigeria", "World");
        assertThat(document.warnings()).isEmpty();
    }

    @Test
    void followsTheSitesMainFeedAndItsForeignCategory() throws Exception {
        List<Subscription> subscriptions = new OpmlReader().read(FEEDS_OPML).subscriptions();

        assertThat(subscriptions).contains(
                new Subscription("https://nigerianews24.com.ng/feed/", SITE, "https://nigerianews24.com.ng/", SITE, List.of()),
                new Subscription("https://nigerianews24.com.ng/category/foreign/feed/", "Nigeria News 24 — Foreign",
                        "https://nigerianews24.com.ng/category/foreign/", SITE, List.of()));
        assertThat(subscriptions).filteredOn(s -> SITE.equals(s.folder())).extracting(Subscription::url)
                .allMatch(url -> url.equals("https://nigerianews24.com.ng/feed/")
                        || url.matches("https://nigerianews24\\.com\\.ng/category/[a-z-]+/feed/"))
                .hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void everyFeedHasATitleASiteAndAnHttpUrl() throws Exception {
        List<Subscription> subscriptions = new OpmlReader().read(FEEDS_OPML).subscriptions();

        assertThat(subscriptions).allSatisfy(s -> {
            assertThat(s.title()).isNotBlank();
            assertThat(s.siteUrl()).startsWith("http");
            assertThat(s.url()).matches("https?://.+");
            assertThat(s.folder()).isNotNull();
        });
    }

    @Test
    void hasTheOtherOutletsInTheirFolders() throws Exception {
        Map<String, List<String>> urlsByFolder = new OpmlReader().read(FEEDS_OPML).subscriptions().stream()
                .collect(Collectors.groupingBy(Subscription::folder,
                        Collectors.mapping(Subscription::url, Collectors.toList())));

        assertThat(urlsByFolder.get("People's Daily")).contains("http://en.people.cn/rss/90000.xml");
        assertThat(urlsByFolder.get("Nigeria")).contains(
                "https://www.premiumtimesng.com/feed", "https://punchng.com/feed/", "https://www.vanguardngr.com/feed/",
                "https://www.channelstv.com/feed/", "https://guardian.ng/feed/");
        assertThat(urlsByFolder.get("World")).contains(
                "https://feeds.bbci.co.uk/news/world/africa/rss.xml", "https://www.aljazeera.com/xml/rss/all.xml");
    }
}
