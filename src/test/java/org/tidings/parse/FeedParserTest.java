package org.tidings.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tidings.model.Enclosure;
import org.tidings.model.Entry;
import org.tidings.model.FeedFormat;
import org.tidings.model.FeedHints;
import org.tidings.model.Media;
import org.tidings.model.ParsedFeed;

class FeedParserTest {
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String fixture) throws FeedParseException {
        return parser.parse(Fixtures.feed(fixture), null, null);
    }

    private ParsedFeed parseText(String document) throws FeedParseException {
        return parser.parse(document.getBytes(StandardCharsets.UTF_8), null, null);
    }

    @Nested
    class Rss20 {
        @Test
        void readsWordPressItemWithContentModulesAndEnclosure() throws Exception {
            ParsedFeed feed = parse("rss20-wordpress.xml");

            assertThat(feed.format()).isEqualTo(FeedFormat.RSS_20);
            assertThat(feed.title()).isEqualTo("Nigeria News 24 \u2013 Politics");
            assertThat(feed.link()).isEqualTo("https://nigerianews24.example.ng");
            assertThat(feed.description()).isEqualTo("Latest news from Nigeria");
            assertThat(feed.language()).isEqualTo("en-US");
            assertThat(feed.recovered()).isFalse();
            assertThat(feed.warnings()).isEmpty();
            assertThat(feed.entries()).hasSize(2);

            Entry first = feed.entries().get(0);
            assertThat(first.id()).isEqualTo("https://nigerianews24.example.ng/?p=1234");
            assertThat(first.link()).isEqualTo("https://nigerianews24.example.ng/2026/11/27/senate-budget/");
            assertThat(first.title()).isEqualTo("Senate passes new budget & tax bill");
            assertThat(first.published()).isEqualTo(Instant.parse("2026-11-27T06:30:00Z"));
            assertThat(first.updated()).isNull();
            assertThat(first.author()).isEqualTo("Chidi Okafor");
            assertThat(first.categories()).containsExactly("Politics", "Foreign");
            assertThat(first.enclosures()).containsExactly(
                    new Enclosure("https://nigerianews24.example.ng/audio/senate.mp3", "audio/mpeg", 123456L));
            assertThat(first.media()).containsExactly(new Media(
                    "https://nigerianews24.example.ng/wp-content/uploads/senate.jpg", null, "image", 800, 600, false));
            assertThat(first.contentHtml()).startsWith("<p>The Senate on Thursday passed the <strong>2027</strong>");
            assertThat(first.summary()).isEqualTo("The Senate on Thursday passed the budget\u2026");
            assertThat(first.commentsUrl())
                    .isEqualTo("https://nigerianews24.example.ng/2026/11/27/senate-budget/#respond");
        }

        @Test
        void resolvesRelativeItemLinkAgainstChannelLinkAndUsesPermalinkGuidAsId() throws Exception {
            Entry second = parse("rss20-wordpress.xml").entries().get(1);

            assertThat(second.link()).isEqualTo("https://nigerianews24.example.ng/2026/11/26/trade-talks/");
            assertThat(second.id()).isEqualTo("https://nigerianews24.example.ng/2026/11/26/trade-talks/");
            assertThat(second.title()).isEqualTo("People's Daily: trade talks resume");
            assertThat(second.published()).isEqualTo(Instant.parse("2026-11-26T18:00:00Z"));
            assertThat(second.contentHtml()).isEqualTo("Trade talks resumed in Beijing.");
        }

        @Test
        void readsPollingHintsThroughRome() throws Exception {
            FeedHints hints = parse("rss20-wordpress.xml").hints();

            assertThat(hints.ttl()).isEqualTo(Duration.ofMinutes(30));
            assertThat(hints.skipHours()).isEqualTo(Set.of(1, 2));
            assertThat(hints.skipDays()).isEqualTo(Set.of(DayOfWeek.SUNDAY));
            assertThat(hints.updatePeriod()).isEqualTo(Duration.ofMinutes(30));
        }

        @Test
        void leavesIdNullWithoutGuidAndTakesNameFromEmailAuthor() throws Exception {
            List<Entry> entries = parse("rss20-no-guid.xml").entries();

            assertThat(entries).extracting(Entry::id)
                    .containsExactly(null, "http://example.com/second", "tag:example.com,2026:3");
            assertThat(entries).extracting(Entry::link)
                    .containsExactly("http://example.com/first", "http://example.com/second", null);
            assertThat(entries.get(0).author()).isEqualTo("Joe Bloggs");
        }

        @Test
        void resolvesRelativeLinksAgainstTheDocumentUrlWhenNothingElseIsAbsolute() throws Exception {
            String rss = "<rss version=\"2.0\"><channel><title>t</title><link>/</link>"
                    + "<item><link>posts/1</link></item></channel></rss>";

            ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8),
                    URI.create("https://example.com/blog/feed.xml"), null);

            assertThat(feed.link()).isEqualTo("https://example.com/");
            assertThat(feed.entries().get(0).link()).isEqualTo("https://example.com/blog/posts/1");
        }

        @Test
        void readsNestedCategoriesAndCommaSeparatedTags() throws Exception {
            ParsedFeed feed = parseText("<rss><channel><item><tags>one, two</tags>"
                    + "<categories><category>three</category></categories></item></channel></rss>");

            assertThat(feed.entries().get(0).categories()).containsExactly("one", "two", "three");
        }

        @Test
        void recognisesModulePrefixesWithMisspelledNamespaceUris() throws Exception {
            ParsedFeed feed = parseText("<rss xmlns:dc=\"http://purl.org/dc/elementz/1.1/\"><channel>"
                    + "<item><dc:title>Example title</dc:title><dc:creator>Ann</dc:creator></item></channel></rss>");

            assertThat(feed.entries().get(0).title()).isEqualTo("Example title");
            assertThat(feed.entries().get(0).author()).isEqualTo("Ann");
        }

        @Test
        void treatsItunesAuthorAsFallbackOnly() throws Exception {
            ParsedFeed feed = parseText("<rss xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\""
                    + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
                    + "<item><itunes:author>Podcaster</itunes:author><dc:creator>Writer</dc:creator></item>"
                    + "<item><itunes:author>Podcaster</itunes:author></item></channel></rss>");

            assertThat(feed.entries()).extracting(Entry::author).containsExactly("Writer", "Podcaster");
        }

        @Test
        void prefersDcDateOnlyWhenThereIsNoPubDate() throws Exception {
            ParsedFeed feed = parseText("<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
                    + "<item><dc:date>2026-01-02T03:04:05Z</dc:date></item>"
                    + "<item><dc:date>2026-01-02T03:04:05Z</dc:date><pubDate>Sat, 03 Jan 2026 00:00:00 GMT</pubDate>"
                    + "</item></channel></rss>");

            assertThat(feed.entries()).extracting(Entry::published).containsExactly(
                    Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-03T00:00:00Z"));
        }
    }

    @Nested
    class OlderRss {
        @Test
        void readsRss091WithNetscapeDoctypeAndHtmlEntityWithoutLoadingTheDtd() throws Exception {
            ParsedFeed feed = parse("rss091-netscape.xml");

            assertThat(feed.format()).isEqualTo(FeedFormat.RSS_091);
            assertThat(feed.title()).isEqualTo("WriteTheWeb");
            assertThat(feed.language()).isEqualTo("en-us");
            assertThat(feed.recovered()).isFalse();
            assertThat(feed.entries().get(0).title()).isEqualTo("Giving the world a pluggable Gnutella");
            assertThat(feed.entries().get(0).link()).isEqualTo("http://writetheweb.com/read.php?item=24");
        }

        @Test
        void readsRss092ItemWithoutTitleOrLink() throws Exception {
            ParsedFeed feed = parse("rss092-basic.xml");

            assertThat(feed.format()).isEqualTo(FeedFormat.RSS_092);
            Entry entry = feed.entries().get(0);
            assertThat(entry.title()).isNull();
            assertThat(entry.link()).isNull();
            assertThat(entry.enclosures()).containsExactly(new Enclosure(
                    "http://www.scripting.com/mp3s/weatherReportDicksPicsVol7.mp3", "audio/mpeg", 6182912L));
        }

        @Test
        void readsRss090() throws Exception {
            ParsedFeed feed = parse("rss090-rdf.xml");

            assertThat(feed.format()).isEqualTo(FeedFormat.RSS_090);
            assertThat(feed.title()).isEqualTo("Mozilla Dot Org");
            assertThat(feed.entries()).extracting(Entry::title)
                    .containsExactly("New Status Updates", "Bugzilla Reorganized");
        }

        @Test
        void readsRss10WithRdfAboutAsIdAndDublinCore() throws Exception {
            ParsedFeed feed = parse("rss10-rdf.xml");

            assertThat(feed.format()).isEqualTo(FeedFormat.RSS_10);
            assertThat(feed.hints().updatePeriod()).isEqualTo(Duration.ofDays(1));
            Entry entry = feed.entries().get(0);
            assertThat(entry.id()).isEqualTo("http://xml.com/pub/2000/08/09/xslt/xslt.html");
            assertThat(entry.author()).isEqualTo("Bob DuCharme");
            assertThat(entry.published()).isEqualTo(Instant.parse("2000-08-09T17:30:00Z"));
            assertThat(entry.categories()).containsExactly("XSLT");
        }
    }

    @Nested
    class Atom {
        @Test
        void resolvesLinksThroughNestedXmlBase() throws Exception {
            ParsedFeed feed = parse("atom10-xml-base.xml");

            assertThat(feed.format()).isEqualTo(FeedFormat.ATOM_10);
            assertThat(feed.title()).isEqualTo("Example Feed");
            assertThat(feed.link()).isEqualTo("http://example.org/blog/");
            Entry entry = feed.entries().get(0);
            assertThat(entry.link()).isEqualTo("http://example.org/blog/2026/11/robots");
            assertThat(entry.enclosures()).containsExactly(
                    new Enclosure("http://example.org/audio/robots.mp3", "audio/mpeg", 1337L));
        }

        @Test
        void readsEntryFieldsWithTrimmedIdXhtmlTitleAndLabelCategories() throws Exception {
            Entry entry = parse("atom10-xml-base.xml").entries().get(0);

            assertThat(entry.id()).isEqualTo("tag:example.org,2026:robots");
            assertThat(entry.title()).isEqualTo("Atom robots run amok");
            assertThat(entry.published()).isEqualTo(Instant.parse("2026-11-26T16:30:02Z"));
            assertThat(entry.updated()).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
            assertThat(entry.author()).isEqualTo("John Doe");
            assertThat(entry.categories()).containsExactly("robots", "Machines");
            assertThat(entry.contentHtml()).isEqualTo("<p>This is <em>the</em> content.</p>");
            assertThat(entry.summary()).isEqualTo("Some text.");
        }

        @Test
        void inheritsFeedAuthorAndEscapesTextContent() throws Exception {
            Entry entry = parse("atom10-xml-base.xml").entries().get(1);

            assertThat(entry.title()).isEqualTo("Second & last");
            assertThat(entry.link()).isNull();
            assertThat(entry.published()).isNull();
            assertThat(entry.author()).isEqualTo("Feed Author");
            assertThat(entry.contentHtml()).isEqualTo("1 &lt; 2");
        }

        @Test
        void readsAtom03IssuedModifiedAndEscapedHtmlTitle() throws Exception {
            ParsedFeed feed = parse("atom03-basic.xml");

            assertThat(feed.format()).isEqualTo(FeedFormat.ATOM_03);
            assertThat(feed.link()).isEqualTo("http://diveintomark.org/");
            Entry entry = feed.entries().get(0);
            assertThat(entry.title()).isEqualTo("Atom 0.3 snapshot");
            assertThat(entry.published()).isEqualTo(Instant.parse("2003-12-13T12:29:29Z"));
            assertThat(entry.updated()).isEqualTo(Instant.parse("2003-12-13T18:30:02Z"));
            assertThat(entry.author()).isEqualTo("Mark Pilgrim");
        }

        @Test
        void parsesAtomEntryWithoutId() throws Exception {
            ParsedFeed feed = parseText("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>t</title>"
                    + "<link href=\"http://e.org/1\"/></entry></feed>");

            assertThat(feed.entries().get(0).id()).isNull();
            assertThat(feed.entries().get(0).link()).isEqualTo("http://e.org/1");
        }

        @Test
        void neverUsesSelfLinkOrIdAsLink() throws Exception {
            ParsedFeed feed = parseText("<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>http://e.org/</id>"
                    + "<link rel=\"self\" href=\"http://e.org/feed\"/><entry><id>http://e.org/1</id></entry></feed>");

            assertThat(feed.link()).isNull();
            assertThat(feed.entries().get(0).link()).isNull();
        }

        @Test
        void readsStandaloneEntryDocument() throws Exception {
            ParsedFeed feed = parseText("<entry xmlns=\"http://www.w3.org/2005/Atom\"><id>x</id><title>Alone</title></entry>");

            assertThat(feed.entries()).extracting(Entry::title).containsExactly("Alone");
        }
    }

    /** A feed inside an (X)HTML page is read as the feed it holds, flagged as recovered (as feedparser does). */
    @Nested
    class FeedWrappedInHtml {
        @Test
        void readsAtomFeedInsideHtmlBody() throws Exception {
            ParsedFeed feed = parseText("<html><body><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Inside</title>"
                    + "<link href=\"http://e.org/\"/><entry><id>1</id><title>One</title>"
                    + "<link href=\"http://e.org/1\"/></entry></feed></body></html>");

            assertThat(feed.format()).isEqualTo(FeedFormat.ATOM_10);
            assertThat(feed.title()).isEqualTo("Inside");
            assertThat(feed.entries()).extracting(Entry::title, Entry::link).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("One", "http://e.org/1"));
            assertThat(feed.recovered()).isTrue();
            assertThat(feed.warnings()).containsExactly("the feed was wrapped in an HTML page; read the <feed> inside it");
        }

        @Test
        void readsRssThatInheritedTheXhtmlNamespace() throws Exception {
            ParsedFeed feed = parseText("<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:base=\"http://e.org/news/\">"
                    + "<head><title>Page</title></head><body><div><rss version=\"2.0\"><channel><title>Wrapped</title>"
                    + "<item><title>First</title><link>first.html</link><guid>a1</guid></item></channel></rss>"
                    + "</div></body></html>");

            assertThat(feed.format()).isEqualTo(FeedFormat.RSS_20);
            assertThat(feed.title()).isEqualTo("Wrapped");
            assertThat(feed.entries()).extracting(Entry::id, Entry::link).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("a1", "http://e.org/news/first.html"));
            assertThat(feed.recovered()).isTrue();
            assertThat(feed.warnings()).containsExactly("the feed was wrapped in an HTML page; read the <rss> inside it");
        }

        @Test
        void readsRssInsideAnHtmlPageThatIsNotXml() throws Exception {
            ParsedFeed feed = parseText("<!DOCTYPE html>\n<html><head><meta charset=utf-8><title>x</title></head><body>"
                    + "<rss version=\"2.0\"><channel><title>Loose</title><item><title>T&nbsp;1</title>"
                    + "<link>http://e.org/1</link></item></channel></rss></body></html>");

            assertThat(feed.title()).isEqualTo("Loose");
            assertThat(feed.entries()).extracting(Entry::link).containsExactly("http://e.org/1");
            assertThat(feed.recovered()).isTrue();
        }

        @Test
        void stillRefusesAnHtmlPageWithoutAFeed() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> parseText(
                            "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>feed me</p></body></html>"))
                    .isInstanceOf(FeedParseException.class)
                    .hasMessage("not a feed: the root element is <html>");
        }
    }

    /** xml:base scope by scope (RFC 3986 section 5, RFC 4287 section 2) for everything an entry links to. */
    @Nested
    class XmlBase {
        private static final String FEED = """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/blog/">
                  <link href="/"/>
                  <entry xml:base="2026/12/">
                    <id>tag:example.org,2026:1</id>
                    <link href="first"/>
                    <link rel="replies" href="first#comments"/>
                    <link rel="enclosure" xml:base="/media/" href="first.mp3" type="audio/mpeg"/>
                    <content type="xhtml" xml:base="http://cdn.example.net/a/">
                      <div xmlns="http://www.w3.org/1999/xhtml"><p><a href="b/page.html">page</a>
                        <img src="../img/pic.png" alt="pic"/></p>
                        <p xml:base="/other/"><a href="x.html">x</a> <a href="https://abs.example/">abs</a></p>
                      </div>
                    </content>
                  </entry>
                  <entry xml:base="http://mirror.example.com/base/">
                    <id>2</id>
                    <link xml:base="deeper/" href="../two.html"/>
                    <content src="video.mp4" type="video/mp4"/>
                  </entry>
                </feed>
                """;

        @Test
        void entryBaseResolvesItsLinkRepliesAndEnclosure() throws Exception {
            Entry entry = parseText(FEED).entries().get(0);

            assertThat(entry.link()).isEqualTo("http://example.org/blog/2026/12/first");
            assertThat(entry.commentsUrl()).isEqualTo("http://example.org/blog/2026/12/first#comments");
            assertThat(entry.enclosures()).containsExactly(
                    new Enclosure("http://example.org/media/first.mp3", "audio/mpeg", null));
        }

        @Test
        void xhtmlContentLinksAndImagesResolveAgainstTheBaseWhereEachSits() throws Exception {
            Entry entry = parseText(FEED).entries().get(0);

            assertThat(entry.contentHtml())
                    .contains("<a href=\"http://cdn.example.net/a/b/page.html\">page</a>")
                    .contains("<img src=\"http://cdn.example.net/img/pic.png\" alt=\"pic\" />")
                    .contains("<p><a href=\"http://cdn.example.net/other/x.html\">x</a>")
                    .contains("<a href=\"https://abs.example/\">abs</a>")
                    .doesNotContain("base=");
        }

        @Test
        void nestedBasesOnTheLinkAndContentSrc() throws Exception {
            Entry entry = parseText(FEED).entries().get(1);

            assertThat(entry.link()).isEqualTo("http://mirror.example.com/base/two.html");
            assertThat(entry.contentHtml()).isEqualTo(
                    "<a href=\"http://mirror.example.com/base/video.mp4\">http://mirror.example.com/base/video.mp4</a>");
        }

        @Test
        void documentUrlIsTheOutermostBase() throws Exception {
            ParsedFeed feed = parser.parse("""
                    <feed xmlns="http://www.w3.org/2005/Atom"><entry xml:base="posts/"><id>1</id>
                    <link href="one"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
                    <a href="two">two</a></div></content></entry></feed>
                    """.getBytes(StandardCharsets.UTF_8), URI.create("https://site.example/feeds/atom.xml"), null);

            Entry entry = feed.entries().get(0);
            assertThat(entry.link()).isEqualTo("https://site.example/feeds/posts/one");
            assertThat(entry.contentHtml()).contains("<a href=\"https://site.example/feeds/posts/two\">two</a>");
        }
    }

    @Nested
    class JsonFeed {
        @Test
        void readsJsonFeed11WithNumericIdRelativeUrlAndAttachments() throws Exception {
            ParsedFeed feed = parse("jsonfeed-11.json");

            assertThat(feed.format()).isEqualTo(FeedFormat.JSON_FEED_11);
            assertThat(feed.title()).isEqualTo("My Example Feed");
            assertThat(feed.link()).isEqualTo("https://example.org/");
            Entry first = feed.entries().get(0);
            assertThat(first.id()).isEqualTo("2");
            assertThat(first.link()).isEqualTo("https://example.org/second-item");
            assertThat(first.published()).isEqualTo(Instant.parse("2026-11-27T08:30:00Z"));
            assertThat(first.categories()).containsExactly("news", "nigeria");
            assertThat(first.author()).isEqualTo("Feed Author");
            assertThat(first.enclosures())
                    .containsExactly(new Enclosure("https://example.org/a.mp3", "audio/mpeg", 1024L));
            assertThat(first.summary()).isEqualTo("This is a second item.");
            Entry second = feed.entries().get(1);
            assertThat(second.title()).isNull();
            assertThat(second.updated()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
            assertThat(second.author()).isEqualTo("Item Author");
            assertThat(second.contentHtml()).isEqualTo("<p>Hello, world!</p>");
        }

        @Test
        void readsJsonFeed10SingleAuthor() throws Exception {
            ParsedFeed feed = parse("jsonfeed-10.json");

            assertThat(feed.format()).isEqualTo(FeedFormat.JSON_FEED_10);
            assertThat(feed.entries().get(0).author()).isEqualTo("Ann");
            assertThat(feed.entries().get(0).summary()).isEqualTo("short");
        }

        @Test
        void refusesJsonThatIsNotAFeed() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> parseText("{\"hello\": 1}"))
                    .isInstanceOf(FeedParseException.class)
                    .hasMessage("not a JSON Feed: no jsonfeed.org version and no items");
        }
    }

    @Test
    void refusesADocumentThatIsNotAFeed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parseText("<html><body>hi</body></html>"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed: the root element is <html>");
    }

    @Test
    void refusesAnEmptyDocument() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parseText("  \n"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("empty document");
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        byte[] document = Fixtures.feed("rss20-wordpress.xml");
        ParsedFeed expected = parser.parse(document, null, null);
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.ConcurrentLinkedQueue<Object> results = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    try {
                        results.add(parser.parse(document, null, null));
                    } catch (FeedParseException | RuntimeException e) {
                        results.add(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(results).hasSize(100).allMatch(expected::equals);
    }
}
