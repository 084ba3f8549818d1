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
}
