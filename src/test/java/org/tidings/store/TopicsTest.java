package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {
    @Test
    void namesCategoryFeedFromItsOwnTitle() {
        assertThat(Topics.feedTopic("https://nigerianews24.com.ng/category/foreign/feed/", "Foreign Archives - Nigerianews24"))
                .contains("Foreign");
        assertThat(Topics.feedTopic("https://site.example/category/world-news/feed", "Site \u00bb World News"))
                .contains("World News");
    }

    @Test
    void namesCategoryFeedFromSlugWhenTitleDoesNotMatch() {
        assertThat(Topics.feedTopic("https://nigerianews24.com.ng/category/politics/feed/", "Nigerianews24"))
                .contains("Politics");
        assertThat(Topics.feedTopic("https://x.example/category/news/local-news/feed/", null)).contains("Local News");
    }

    @Test
    void plainFeedsHaveNoTopic() {
        assertThat(Topics.feedTopic("https://nigerianews24.com.ng/feed/", "Nigerianews24")).isEmpty();
    }

    @Test
    void keysIgnoreCaseAndSpacing() {
        assertThat(Topics.key("foreign")).isEqualTo(Topics.key("Foreign ")).isEqualTo(Topics.key("FOREIGN"));
        assertThat(Topics.key("World  News")).isEqualTo(Topics.key("world news"));
    }

    @Test
    void dropsMeaninglessCategories() {
        assertThat(Topics.displayName("Uncategorized")).isEmpty();
        assertThat(Topics.displayName("  Foreign  Affairs ")).contains("Foreign Affairs");
    }

    @Test
    void namesOutletSectionFeedsFromTheirTitles() {
        assertThat(Topics.feedTopic("https://www.people.cn/rss/world.xml", "People's Daily - World")).contains("World");
        assertThat(Topics.feedTopic("https://www.theguardian.com/world/africa/rss", "Africa | The Guardian")).contains("Africa");
        assertThat(Topics.feedTopic("https://premiumtimesng.com/feeds/section-7.xml", "Premium Times \u2014 Africa")).contains("Africa");
        assertThat(Topics.feedTopic("https://www.vanguardngr.com/category-feed.xml", "Vanguard: Business")).contains("Business");
        assertThat(Topics.feedTopic("https://x.example/feed.xml", "Sports | Daily Trust")).contains("Sports");
    }

    @Test
    void namesOutletSectionFeedsFromTheirPathsWhenTitlesDoNot() {
        assertThat(Topics.feedTopic("http://en.people.cn/rss/Africa.xml", "People's Daily Online")).contains("Africa");
        assertThat(Topics.feedTopic("https://feeds.bbci.co.uk/news/world/africa/rss.xml", "BBC News")).contains("Africa");
        assertThat(Topics.feedTopic("https://rss.example.com/services/xml/rss/sports.xml", null)).contains("Sports");
    }

    @Test
    void neverNamesTheOutletItselfOrAWordEveryFeedHas() {
        assertThat(Topics.feedTopic("https://www.people.cn/rss/", "People's Daily")).isEmpty();
        assertThat(Topics.feedTopic("https://feeds.bbci.co.uk/news/rss.xml", "BBC News")).isEmpty();
        assertThat(Topics.feedTopic("https://punchng.com/feed/", "Punch Newspapers - Latest News")).isEmpty();
        assertThat(Topics.feedTopic("https://punchng.com/feed/", "Punch | Nigeria's most widely read newspaper today")).isEmpty();
        assertThat(Topics.feedTopic("https://www.people.cn/index.html", "World - People's Daily")).contains("World");
        assertThat(Topics.feedTopic("https://www.aljazeera.com/xml/rss/all.xml", "Al Jazeera \u2013 Breaking News")).isEmpty();
    }
}
