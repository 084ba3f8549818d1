package org.tidings.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tidings.model.Entry;
import org.tidings.model.ParsedFeed;

/** Documents written to harm the reader: nothing leaks, nothing hangs, the refusal is one clear line. */
class HostileInputTest {
    private final FeedParser parser = new FeedParser();

    @Test
    void externalEntityReferencingFileSystemLeaksNothing() throws Exception {
        ParsedFeed feed = parser.parse(Fixtures.feed("hostile-xxe-file.xml"), null, null);

        assertThat(feed.title()).isEqualTo("Leak:");
        Entry entry = feed.entries().get(0);
        assertThat(entry.title()).isEqualTo("Item");
        assertThat(entry.contentHtml()).isEmpty();
        assertThat(feed.toString()).doesNotContain("root:").doesNotContain("/bin/");
    }

    @Test
    void externalDtdIsNotLoaded() throws Exception {
        ParsedFeed feed = parser.parse(Fixtures.feed("hostile-external-dtd.xml"), null, null);

        assertThat(feed.title()).isEqualTo("External DTD");
        assertThat(feed.toString()).doesNotContain("root:");
    }

    @Test
    @Timeout(10)
    void billionLaughsIsRefusedQuickly() {
        assertThatThrownBy(() -> parser.parse(Fixtures.feed("hostile-billion-laughs.xml"), null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("refused: the document expands too many entities (entity expansion limit 10000 exceeded)");
    }

    @Test
    void quadraticBlowupIsRefused() {
        String big = "x".repeat(100_000);
        String document = "<!DOCTYPE rss [<!ENTITY a \"" + big + "\">]><rss><channel><title>"
                + "&a;".repeat(200) + "</title></channel></rss>";

        assertThatThrownBy(() -> parser.parse(document.getBytes(StandardCharsets.UTF_8), null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("refused: ");
    }

    @Test
    void documentLargerThanTheLimitIsRefused() {
        FeedParser small = new FeedParser(1024);
        byte[] document = ("<rss><channel><title>" + "a".repeat(2000) + "</title></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> small.parse(document, null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("refused: the document has " + document.length + " bytes, more than the limit of 1024");
    }

    @Test
    void defaultSizeLimitIsTwentyMegabytes() {
        assertThat(FeedParser.DEFAULT_MAX_DOCUMENT_BYTES).isEqualTo(20L * 1024 * 1024);
    }

    @Test
    @Timeout(10)
    void deeplyNestedElementsAreRefusedWithoutOverflowingTheStack() {
        String document = "<rss><channel>" + "<x>".repeat(100_000) + "</channel></rss>";

        assertThatThrownBy(() -> parser.parse(document.getBytes(StandardCharsets.UTF_8), null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("refused: elements nested deeper than 500");
    }

    @Test
    @Timeout(10)
    void deeplyNestedBrokenDocumentIsReadWithoutOverflowingTheStack() throws Exception {
        String document = "<rss><channel><title>deep</title><link>x</lnk>" + "<x>".repeat(100_000);

        ParsedFeed feed = parser.parse(document.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(feed.title()).isEqualTo("deep");
        assertThat(feed.recovered()).isTrue();
    }

    @Test
    @Timeout(10)
    void pathologicalAuthorAndDateTextDoNotHang() throws Exception {
        String long1 = "a".repeat(200_000);
        String document = "<rss><channel><item><author>" + long1 + "@" + long1 + "</author><pubDate>"
                + "1 ".repeat(50_000) + "</pubDate></item></channel></rss>";

        ParsedFeed feed = parser.parse(document.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(feed.entries().get(0).published()).isNull();
    }

    @Test
    void rejectsNonPositiveLimit() {
        assertThatThrownBy(() -> new FeedParser(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDocumentBytes <= 0: 0");
    }
}
