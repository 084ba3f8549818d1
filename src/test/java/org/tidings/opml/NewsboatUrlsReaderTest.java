package org.tidings.opml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tidings.opml.Fixtures.bytes;
import static org.tidings.opml.Fixtures.sub;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NewsboatUrlsReaderTest {
    private final NewsboatUrlsReader reader = new NewsboatUrlsReader();

    private OpmlDocument read(String urls) throws OpmlException {
        return reader.read(urls.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAUrlsFileWithTagsTitlesCommentsAndSpecialFeeds() throws Exception {
        OpmlDocument document = reader.read(bytes("newsboat-urls"));

        assertThat(document.title()).isNull();
        assertThat(document.dateCreated()).isNull();
        assertThat(document.subscriptions()).containsExactly(
                sub("https://punchng.com/feed/", "Punch", null, "nigeria", "nigeria", "news", "duplicates"),
                sub("https://www.premiumtimesng.com/feed", "Premium Times", null, "nigeria",
                        "nigeria", "investigative journalism"),
                sub("https://feeds.bbci.co.uk/news/world/africa/rss.xml", null, null, "World/Africa", "World/Africa", "bbc"),
                sub("https://www.aljazeera.com/xml/rss/all.xml", null, null, "world", "world"),
                sub("https://lwn.net/headlines/rss", null, null, null),
                sub("https://guardian.ng/feed/", "The Guardian \"Nigeria\"", null, "nigeria", "nigeria"));
        assertThat(document.folders()).containsExactly("nigeria", "World", "World/Africa", "world");
        assertThat(document.warnings()).containsExactly(
                "line 6: \"https://www.aljazeera.com/xml/rss/all.xml\" is hidden in newsboat (tag \"!hidden\");"
                        + " imported as a normal feed",
                "line 7: skipped query feed \"query:Unread Articles:unread = \"yes\"\": tidings only follows http(s) feeds",
                "line 8: skipped exec feed \"exec:~/bin/weather-feed.sh Lagos\": tidings only follows http(s) feeds",
                "line 9: skipped filter feed \"filter:~/bin/fix-feed.sh:https://example.org/broken.xml\":"
                        + " tidings only follows http(s) feeds",
                "line 11: skipped \"file:///var/log/rss_eventlog.xml\": not an http(s) URL",
                "line 12: \"https://punchng.com/feed/\" is listed again in folder \"duplicates\"; kept once in"
                        + " \"nigeria\", with \"duplicates\" added to its tags");
    }

    @Test
    void theFirstPlainTagIsTheFolderAndAllPlainTagsAreKept() throws Exception {
        OpmlDocument document = read("https://a.example/ \"~My title\" \"!secret\" first second first\n");

        assertThat(document.subscriptions()).containsExactly(
                sub("https://a.example/", "My title", null, "first", "first", "second"));
    }

    @Test
    void theLastTitleTagWins() throws Exception {
        assertThat(read("https://a.example/ \"~One\" \"~Two\"").subscriptions().get(0).title()).isEqualTo("Two");
    }

    @Test
    void aFeedWithoutTagsIsAtTheTopLevel() throws Exception {
        OpmlDocument document = read("https://a.example/\n");

        assertThat(document.subscriptions()).containsExactly(sub("https://a.example/", null, null, null));
        assertThat(document.folders()).isEmpty();
    }

    @Test
    void ignoresBlankLinesCommentsAndWindowsLineEndings() throws Exception {
        OpmlDocument document = read("# comment\r\n\r\n   \r\n  # indented comment\r\nhttps://a.example/ tag\r\n");

        assertThat(document.subscriptions()).containsExactly(sub("https://a.example/", null, null, "tag", "tag"));
        assertThat(document.warnings()).isEmpty();
    }

    @Test
    void skipsLinesThatAreNotUrls() throws Exception {
        OpmlDocument document = read("not-a-url tag\nhttps://a.example/\n");

        assertThat(document.subscriptions()).hasSize(1);
        assertThat(document.warnings()).containsExactly("line 1: skipped \"not-a-url\": not an http(s) URL");
    }

    @Test
    void readsAByteOrderMarkAndReplacesInvalidUtf8() throws Exception {
        byte[] urls = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 't', 't', 'p', ':', '/', '/', 'a', '/', ' ', 't',
            (byte) 0xE9};

        OpmlDocument document = reader.read(new ByteArrayInputStream(urls));

        assertThat(document.subscriptions()).containsExactly(sub("http://a/", null, null, "t\uFFFD", "t\uFFFD"));
        assertThat(document.warnings()).containsExactly("bytes that are not valid UTF-8 were replaced by U+FFFD");
    }

    @Test
    void refusesAnOpmlFile() {
        assertThatThrownBy(() -> reader.read(bytes("feedly-export.opml")))
                .isInstanceOf(OpmlException.class)
                .hasMessage("not a newsboat urls file: it starts with '<' (an OPML file? import it as OPML instead)");
    }

    @Test
    void refusesAFileLargerThanTheLimit() {
        assertThatThrownBy(() -> new NewsboatUrlsReader(10).read(new ByteArrayInputStream(new byte[11])))
                .isInstanceOf(OpmlException.class)
                .hasMessage("newsboat urls file is larger than 10 bytes; refused");
    }

    @Nested
    class Tokenizer {
        @Test
        void splitsOnBlanksAndKeepsQuotedBlanks() {
            assertThat(NewsboatUrlsReader.tokenize("https://a.example/  one\t\"two words\"  three"))
                    .containsExactly("https://a.example/", "one", "two words", "three");
        }

        @Test
        void unescapesInsideQuotes() {
            assertThat(NewsboatUrlsReader.tokenize("\"a \\\"b\\\" c\\\\d\\te\""))
                    .containsExactly("a \"b\" c\\d\te");
        }

        @Test
        void aHashStartsACommentOnlyAtTheStartOfAToken() {
            assertThat(NewsboatUrlsReader.tokenize("https://a.example/#anchor tag # comment \"not a tag\""))
                    .containsExactly("https://a.example/#anchor", "tag");
            assertThat(NewsboatUrlsReader.tokenize("https://a.example/ \"# quoted\""))
                    .containsExactly("https://a.example/", "# quoted");
        }

        @Test
        void anUnterminatedQuoteRunsToTheEndOfTheLine() {
            assertThat(NewsboatUrlsReader.tokenize("https://a.example/ \"open tag"))
                    .containsExactly("https://a.example/", "open tag");
        }

        @Test
        void anEmptyOrCommentLineHasNoTokens() {
            assertThat(NewsboatUrlsReader.tokenize("")).isEmpty();
            assertThat(NewsboatUrlsReader.tokenize("   # https://a.example/")).isEqualTo(List.of());
        }
    }
}
