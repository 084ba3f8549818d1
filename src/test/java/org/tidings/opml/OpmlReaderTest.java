package org.tidings.opml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tidings.opml.Fixtures.body;
import static org.tidings.opml.Fixtures.bytes;
import static org.tidings.opml.Fixtures.opml;
import static org.tidings.opml.Fixtures.sub;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Subscription;

class OpmlReaderTest {
    private final OpmlReader reader = new OpmlReader();

    /** One test per reader whose export shape we accept, from hand-made fixtures. */
    @Nested
    class ReaderShapes {
        @Test
        void readsNewsboatExportAsFlatFeedsWithoutFolders() throws Exception {
            OpmlDocument document = reader.read(bytes("newsboat-export.opml"));

            assertThat(document.title()).isEqualTo("newsboat - Exported Feeds");
            assertThat(document.dateCreated()).isNull();
            assertThat(document.subscriptions()).containsExactly(
                    sub("https://punchng.com/feed/", "Punch Newspapers", "https://punchng.com", null),
                    sub("https://www.premiumtimesng.com/feed", "Premium Times Nigeria", "https://www.premiumtimesng.com", null),
                    sub("https://feeds.bbci.co.uk/news/world/africa/rss.xml", "BBC News - Africa",
                            "https://www.bbc.co.uk/news/world/africa", null),
                    sub("https://lwn.net/headlines/rss", "LWN.net", "https://lwn.net", null),
                    sub("https://example.org/never-fetched.xml", null, null, null));
            assertThat(document.folders()).isEmpty();
            assertThat(document.warnings()).isEmpty();
        }

        @Test
        void readsNewsboatOpml2ExportWithTagsFromCategory() throws Exception {
            OpmlDocument document = reader.read(bytes("newsboat-export-opml2.opml"));

            assertThat(document.subscriptions()).extracting(Subscription::url, Subscription::tags).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("https://punchng.com/feed/", List.of("nigeria", "news")),
                    org.assertj.core.groups.Tuple.tuple("https://www.premiumtimesng.com/feed",
                            List.of("nigeria", "investigations")),
                    org.assertj.core.groups.Tuple.tuple("https://feeds.bbci.co.uk/news/world/africa/rss.xml",
                            List.of("world/africa", "cool stuff")),
                    org.assertj.core.groups.Tuple.tuple("https://lwn.net/headlines/rss", List.of()));
            assertThat(document.subscriptions()).allMatch(s -> s.folder() == null);
            assertThat(document.warnings()).isEmpty();
        }

        @Test
        void readsMinifluxExportIgnoringItsNamespacedSettings() throws Exception {
            OpmlDocument document = reader.read(bytes("miniflux-export.opml"));

            assertThat(document.title()).isEqualTo("Miniflux");
            assertThat(document.dateCreated()).isEqualTo(Instant.parse("2026-11-27T07:10:42Z"));
            assertThat(document.subscriptions()).containsExactly(
                    sub("https://lwn.net/headlines/rss", "LWN.net", "https://lwn.net", "All"),
                    sub("https://www.channelstv.com/feed/", "Channels Television", "https://www.channelstv.com", "Nigeria"),
                    sub("https://www.premiumtimesng.com/feed", "Premium Times Nigeria", "https://www.premiumtimesng.com",
                            "Nigeria"),
                    sub("https://www.vanguardngr.com/feed/", "Vanguard News", "https://www.vanguardngr.com/", "Nigeria"),
                    sub("https://www.aljazeera.com/xml/rss/all.xml",
                            "Al Jazeera – Breaking News, World News and Video from Al Jazeera", "https://www.aljazeera.com",
                            "World & Africa"),
                    sub("https://feeds.bbci.co.uk/news/world/africa/rss.xml", "BBC News - Africa",
                            "https://www.bbc.co.uk/news/world/africa", "World & Africa"));
            assertThat(document.folders()).containsExactly("All", "Nigeria", "World & Africa");
            assertThat(document.warnings()).isEmpty();
        }

        @Test
        void readsFreshRssExportSkippingScrapedSourcesAndKeepingEmptyCategories() throws Exception {
            OpmlDocument document = reader.read(bytes("freshrss-export.opml"));

            assertThat(document.title()).isEqualTo("FreshRSS");
            assertThat(document.dateCreated()).as("FreshRSS writes no zone: read as UTC")
                    .isEqualTo(Instant.parse("2026-11-27T08:12:05Z"));
            assertThat(document.subscriptions()).containsExactly(
                    sub("https://github.com/FreshRSS/FreshRSS/releases.atom", "FreshRSS releases",
                            "https://github.com/FreshRSS/FreshRSS/", "Uncategorized"),
                    sub("https://nigerianews24.com.ng/feed/", "Nigeria News 24", "https://nigerianews24.com.ng/",
                            "Nigeria News 24"),
                    sub("https://nigerianews24.com.ng/category/foreign/feed/", "Foreign – Nigeria News 24",
                            "https://nigerianews24.com.ng/category/foreign/", "Nigeria News 24"),
                    sub("https://nigerianews24.com.ng/category/politics/feed/", "Politics – Nigeria News 24",
                            "https://nigerianews24.com.ng/category/politics/", "Nigeria News 24"),
                    sub("http://en.people.cn/rss/90000.xml", "People's Daily Online", "http://en.people.cn/",
                            "People's Daily"));
            assertThat(document.folders())
                    .containsExactly("Uncategorized", "Nigeria News 24", "People's Daily", "Empty category");
            assertThat(document.warnings()).containsExactly(
                    "line 15: skipped \"Nigeria News 24 — scraped homepage\": a web-scraping source"
                            + " (type \"html+xpath\"), not a feed");
        }

        @Test
        void readsTinyTinyRssExportWithNestedCategoriesAndSkipsItsSettings() throws Exception {
            OpmlDocument document = reader.read(bytes("tinytinyrss-export.opml"));

            assertThat(document.title()).isEqualTo("Tiny Tiny RSS Feed Export");
            assertThat(document.dateCreated()).isEqualTo(Instant.parse("2026-11-27T08:15:31Z"));
            assertThat(document.subscriptions()).containsExactly(
                    sub("https://punchng.com/feed/", "Punch Newspapers", "https://punchng.com", "News/Nigeria"),
                    sub("https://guardian.ng/feed/", "The Guardian Nigeria News - Nigeria and World News",
                            "https://guardian.ng", "News/Nigeria"),
                    sub("https://www.aljazeera.com/xml/rss/all.xml", "Al Jazeera", "https://www.aljazeera.com", "News"),
                    sub("https://community.tt-rss.org/latest.rss", "Tiny Tiny RSS: New posts",
                            "https://community.tt-rss.org/latest", null),
                    sub("https://example.org/private-feed.xml?key=a1b2&format=rss", "[Unknown]", null, null));
            assertThat(document.folders()).containsExactly("News", "News/Nigeria", "News/Opinion ∕ Analysis");
            assertThat(document.warnings()).containsExactly(
                    "line 18: skipped Tiny Tiny RSS settings \"tt-rss-prefs\"",
                    "line 22: skipped Tiny Tiny RSS settings \"tt-rss-labels\"",
                    "line 25: skipped Tiny Tiny RSS settings \"tt-rss-filters\"");
        }

        @Test
        void readsFeedlyExportKeepingAFeedInTwoCategoriesOnce() throws Exception {
            OpmlDocument document = reader.read(bytes("feedly-export.opml"));

            assertThat(document.title()).isEqualTo("Ada subscriptions in feedly Cloud");
            assertThat(document.subscriptions()).containsExactly(
                    sub("https://www.premiumtimesng.com/feed", "Premium Times Nigeria", "https://www.premiumtimesng.com",
                            "Nigeria"),
                    sub("https://www.channelstv.com/feed/", "Channels Television", "https://www.channelstv.com", "Nigeria",
                            "Africa"),
                    sub("https://feeds.bbci.co.uk/news/world/africa/rss.xml", "BBC News - Africa",
                            "https://www.bbc.co.uk/news/world/africa", "Africa"),
                    sub("https://www.youtube.com/feeds/videos.xml?channel_id=UCEJs1fTF3KszRJGxJY14GrA",
                            "Channels Television (YouTube)", null, "Videos"));
            assertThat(document.folders()).containsExactly("Nigeria", "Africa", "Videos");
            assertThat(document.warnings()).containsExactly(
                    "line 14: \"https://www.channelstv.com/feed/\" is listed again in folder \"Africa\"; kept once in"
                            + " \"Nigeria\", with \"Africa\" added to its tags");
        }

        @Test
        void readsInoreaderExportWithTopLevelFeeds() throws Exception {
            OpmlDocument document = reader.read(bytes("inoreader-export.opml"));

            assertThat(document.title()).isEqualTo("Subscriptions of Ada from Inoreader [https://www.inoreader.com]");
            assertThat(document.subscriptions()).containsExactly(
                    sub("https://www.vanguardngr.com/feed/", "Vanguard News", "https://www.vanguardngr.com", "News",
                            "Must read"),
                    sub("https://www.aljazeera.com/xml/rss/all.xml",
                            "Al Jazeera – Breaking News, World News and Video from Al Jazeera", "https://www.aljazeera.com",
                            "News"),
                    sub("http://en.people.cn/rss/90777.xml", "People's Daily — World", "http://en.people.cn/90777/", null),
                    sub("https://news.ycombinator.com/rss", "Hacker News", "https://news.ycombinator.com/", null));
            assertThat(document.folders()).containsExactly("News", "Must read");
            assertThat(document.warnings()).hasSize(1);
        }
    }

    @Nested
    class Mapping {
        @Test
        void nestedOutlinesBecomeFolderPaths() throws Exception {
            OpmlDocument document = body("""
                    <outline text="News"><outline text="Africa"><outline text="West">
                      <outline text="Punch" xmlUrl="https://punchng.com/feed/"/>
                    </outline></outline></outline>""");

            assertThat(document.subscriptions()).containsExactly(
                    sub("https://punchng.com/feed/", "Punch", null, "News/Africa/West"));
            assertThat(document.folders()).containsExactly("News", "News/Africa", "News/Africa/West");
        }

        @Test
        void slashInsideAFolderNameIsReplacedByDivisionSlash() throws Exception {
            OpmlDocument document = body("""
                    <outline text=" Politics/Opinion "><outline text="x" xmlUrl="https://x.example/feed"/></outline>""");

            assertThat(document.subscriptions().get(0).folder()).isEqualTo("Politics\u2215Opinion");
            assertThat(document.folders()).containsExactly("Politics\u2215Opinion");
        }

        @Test
        void emptyFoldersAreKept() throws Exception {
            assertThat(body("<outline text=\"Later\"/><outline title=\"Empty\"></outline>").folders())
                    .containsExactly("Later", "Empty");
        }

        @Test
        void textIsPreferredOverTitleAndTitleIsUsedWithoutText() throws Exception {
            OpmlDocument document = body("""
                    <outline text="My name" title="Feed's own title" xmlUrl="https://a.example/feed"/>
                    <outline title="Only title" xmlUrl="https://b.example/feed"/>
                    <outline text="  " title="Blank text" xmlUrl="https://c.example/feed"/>""");

            assertThat(document.subscriptions()).extracting(Subscription::title)
                    .containsExactly("My name", "Only title", "Blank text");
        }

        @Test
        void aTitleThatIsJustTheUrlIsNoTitle() throws Exception {
            assertThat(body("<outline text=\"https://a.example/feed\" xmlUrl=\"https://a.example/feed\"/>")
                    .subscriptions().get(0).title()).isNull();
        }

        @Test
        void categoryBecomesTagsWithoutOuterSlashes() throws Exception {
            OpmlDocument document = body("""
                    <outline text="a" xmlUrl="https://a.example/feed" category="/Boston/Weather, politics ,,/tag/,politics"/>""");

            assertThat(document.subscriptions().get(0).tags()).containsExactly("Boston/Weather", "politics", "tag");
        }

        @Test
        void childrenOfAFeedOutlineAreReadIntoTheFeedsFolder() throws Exception {
            OpmlDocument document = body("""
                    <outline text="F">
                      <outline text="Parent feed" xmlUrl="https://a.example/feed">
                        <outline text="Child feed" xmlUrl="https://b.example/feed"/>
                      </outline>
                    </outline>""");

            assertThat(document.subscriptions()).containsExactly(
                    sub("https://a.example/feed", "Parent feed", null, "F"),
                    sub("https://b.example/feed", "Child feed", null, "F"));
            assertThat(document.warnings())
                    .containsExactly("line 4: feed outline has child outlines; they were read into its folder");
        }

        @Test
        void childrenOfAnOutlineWithoutNameAreReadIntoTheEnclosingFolder() throws Exception {
            OpmlDocument document = body("""
                    <outline text="F"><outline><outline text="a" xmlUrl="https://a.example/feed"/></outline></outline>""");

            assertThat(document.subscriptions()).containsExactly(sub("https://a.example/feed", "a", null, "F"));
            assertThat(document.folders()).containsExactly("F");
            assertThat(document.warnings()).hasSize(1);
        }

        @Test
        void linkAndIncludeOutlinesAreSkipped() throws Exception {
            OpmlDocument document = body("""
                    <outline text="Blogroll" type="link" url="https://example.org/"/>
                    <outline text="More" type="include" url="https://example.org/more.opml"/>""");

            assertThat(document.subscriptions()).isEmpty();
            assertThat(document.folders()).isEmpty();
            assertThat(document.warnings()).containsExactly(
                    "line 3: skipped link outline \"https://example.org/\": not a feed",
                    "line 4: skipped include outline \"https://example.org/more.opml\": not a feed");
        }

        @Test
        void urlAttributeIsTheFeedForRssOutlinesWithoutXmlUrl() throws Exception {
            assertThat(body("<outline text=\"old\" type=\"RSS\" url=\"https://a.example/rss\"/>").subscriptions())
                    .containsExactly(sub("https://a.example/rss", "old", null, null));
        }

        @Test
        void aFeedListedTwiceInTheSameFolderIsKeptOnceWithTheFirstTitle() throws Exception {
            OpmlDocument document = body("""
                    <outline xmlUrl="https://a.example/feed" category="x"/>
                    <outline text="Second" htmlUrl="https://a.example/" xmlUrl="https://a.example/feed" category="y"/>
                    <outline text="Third" xmlUrl="https://a.example/feed"/>""");

            assertThat(document.subscriptions()).containsExactly(
                    sub("https://a.example/feed", "Second", "https://a.example/", null, "x", "y"));
            assertThat(document.warnings()).hasSize(2)
                    .allMatch(w -> w.endsWith("is listed again in the same folder; kept once"));
        }

        @Test
        void outlinesOutsideTheBodyAreIgnored() throws Exception {
            OpmlDocument document = opml("""
                    <opml version="2.0"><head><outline text="h" xmlUrl="https://h.example/"/></head>
                    <body><x><outline text="in x" xmlUrl="https://x.example/"/></x></body></opml>""");

            assertThat(document.subscriptions()).isEmpty();
        }
    }

    @Nested
    class Tolerance {
        @Test
        void readsOpmlWithoutVersionAndWarnsAboutUnknownVersions() throws Exception {
            assertThat(opml("<opml><body><outline text=\"a\" xmlUrl=\"https://a.example/\"/></body></opml>")
                    .warnings()).isEmpty();
            assertThat(opml("<opml version=\"3.0\"><body/></opml>").warnings())
                    .containsExactly("unknown OPML version \"3.0\"; read as OPML 2.0");
        }

        @Test
        void stripsWhitespaceAroundUrlsAndEncodesSpacesInside() throws Exception {
            OpmlDocument document = body("""
                    <outline text="a" xmlUrl="
                       https://a.example/feed.xml  " htmlUrl=" https://a.example/ "/>
                    <outline text="b" xmlUrl="https://b.example/my feed.xml"/>""");

            assertThat(document.subscriptions()).containsExactly(
                    sub("https://a.example/feed.xml", "a", "https://a.example/", null),
                    sub("https://b.example/my%20feed.xml", "b", null, null));
            assertThat(document.warnings()).containsExactly(
                    "line 5: spaces inside the URL were encoded as %20: \"https://b.example/my%20feed.xml\"");
        }

        @Test
        void rewritesFeedSchemeUrls() throws Exception {
            OpmlDocument document = body("""
                    <outline text="a" xmlUrl="feed://a.example/rss"/>
                    <outline text="b" xmlUrl="feed:https://b.example/rss"/>""");

            assertThat(document.subscriptions()).extracting(Subscription::url)
                    .containsExactly("http://a.example/rss", "https://b.example/rss");
            assertThat(document.warnings()).hasSize(2);
        }

        @Test
        void skipsFeedsThatAreNotHttpUrls() throws Exception {
            OpmlDocument document = body("""
                    <outline text="a" xmlUrl="file:///etc/passwd"/>
                    <outline text="b" xmlUrl="/relative/feed.xml"/>
                    <outline text="c" xmlUrl="|/usr/bin/make-feed"/>
                    <outline text="d" xmlUrl="javascript:alert(1)"/>
                    <outline text="e" xmlUrl="HTTPS://E.EXAMPLE/Feed"/>""");

            assertThat(document.subscriptions()).extracting(Subscription::url).containsExactly("HTTPS://E.EXAMPLE/Feed");
            assertThat(document.warnings()).containsExactly(
                    "line 3: skipped \"file:///etc/passwd\": not an http(s) URL",
                    "line 4: skipped \"/relative/feed.xml\": not an http(s) URL",
                    "line 5: skipped \"|/usr/bin/make-feed\": not an http(s) URL",
                    "line 6: skipped \"javascript:alert(1)\": not an http(s) URL");
        }

        @Test
        void ignoresSiteUrlsThatAreNotHttp() throws Exception {
            OpmlDocument document = body("<outline text=\"a\" xmlUrl=\"https://a.example/\" htmlUrl=\"javascript:x()\"/>");

            assertThat(document.subscriptions().get(0).siteUrl()).isNull();
            assertThat(document.warnings()).containsExactly(
                    "line 3: ignored site URL \"javascript:x()\": not an http(s) URL");
        }

        @Test
        void readsAttributeNamesInAnyCase() throws Exception {
            assertThat(body("<outline TEXT=\"a\" xmlURL=\"https://a.example/\" HTMLURL=\"https://a.example/s\"/>")
                    .subscriptions()).containsExactly(sub("https://a.example/", "a", "https://a.example/s", null));
        }

        @Test
        void readsUtf8WithByteOrderMark() throws Exception {
            byte[] xml = "<opml><body><outline text=\"Ọ̀rọ̀\" xmlUrl=\"https://a.example/\"/></body></opml>"
                    .getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[xml.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(xml, 0, withBom, 3, xml.length);

            OpmlDocument document = reader.read(withBom);

            assertThat(document.subscriptions().get(0).title()).isEqualTo("Ọ̀rọ̀");
            assertThat(document.warnings()).isEmpty();
        }

        @Test
        void readsUtf16WithByteOrderMark() throws Exception {
            byte[] xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><opml><body><outline text=\"日本\" xmlUrl=\"https://a.example/\"/></body></opml>"
                    .getBytes(StandardCharsets.UTF_16); // big-endian with BOM

            assertThat(reader.read(xml).subscriptions().get(0).title()).isEqualTo("日本");
        }

        @Test
        void readsTheDeclaredSingleByteEncoding() throws Exception {
            byte[] xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml><body><outline text=\"Café\" xmlUrl=\"https://a.example/\"/></body></opml>"
                    .getBytes(StandardCharsets.ISO_8859_1);

            assertThat(reader.read(xml).subscriptions().get(0).title()).isEqualTo("Café");
        }

        @Test
        void replacesInvalidUtf8BytesAndSaysSo() throws Exception {
            byte[] xml = "<opml><body><outline text=\"Caf\u00e9\" xmlUrl=\"https://a.example/\"/></body></opml>"
                    .getBytes(StandardCharsets.ISO_8859_1); // no declaration: must be UTF-8, but is not

            OpmlDocument document = reader.read(xml);

            assertThat(document.subscriptions().get(0).title()).isEqualTo("Caf\uFFFD");
            assertThat(document.warnings()).containsExactly("bytes that are not valid UTF-8 were replaced by U+FFFD");
        }

        @Test
        void readsAnUnknownDeclaredEncodingAsUtf8() throws Exception {
            OpmlDocument document = opml("<?xml version=\"1.0\" encoding=\"klingon-8\"?><opml><body/></opml>");

            assertThat(document.warnings()).containsExactly("unknown encoding \"klingon-8\"; read as UTF-8");
        }

        @Test
        void repairsStrayAmpersandsAndHtmlEntities() throws Exception {
            OpmlDocument document = body("""
                    <outline text="Tom &amp; Jerry &copy; &nbsp;News" xmlUrl="https://a.example/rss?a=1&b=2"/>""");

            assertThat(document.subscriptions()).containsExactly(
                    sub("https://a.example/rss?a=1&b=2", "Tom & Jerry © \u00a0News", null, null));
            assertThat(document.warnings()).containsExactly("stray & characters and HTML entities were repaired");
        }

        @Test
        void ignoresWhitespaceBeforeTheXmlDeclaration() throws Exception {
            OpmlDocument document = opml("\n\n  <?xml version=\"1.0\"?><opml><body/></opml>");

            assertThat(document.warnings()).containsExactly("whitespace before the XML declaration was ignored");
        }

        @Test
        void anUnreadableDateIsAWarning() throws Exception {
            OpmlDocument document = opml("<opml><head><dateCreated>yesterday-ish</dateCreated></head><body/></opml>");

            assertThat(document.dateCreated()).isNull();
            assertThat(document.warnings()).containsExactly("line 1: unreadable dateCreated \"yesterday-ish\"; ignored");
        }

        @Test
        void readsDatesInTheShapesReadersWrite() throws Exception {
            for (String date : List.of("Fri, 27 Nov 2026 08:00:00 GMT", "Fri, 27 Nov 2026 08:00:00 +0000",
                    "Fri, 27 Nov 2026 09:00:00 +0100", "Fri, 27 Nov 2026 08:00:00 UTC", "Fri, 27 Nov 2026 01:00:00 MST",
                    "27 Nov 2026 08:00 GMT",
                    "Fri, 27 Nov 2026 08:00:00", "2026-11-27T08:00:00Z", "2026-11-27T09:00:00+01:00")) {
                OpmlDocument document = opml("<opml><head><dateCreated>" + date + "</dateCreated></head><body/></opml>");
                assertThat(document.dateCreated()).as(date).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
            }
        }

        @Test
        void toleratesADoctypeWithoutEntities() throws Exception {
            assertThat(opml("<!DOCTYPE opml><opml version=\"1.0\"><body><outline text=\"a\" xmlUrl=\"https://a.example/\"/></body></opml>")
                    .subscriptions()).hasSize(1);
        }

        @Test
        void keepsAtMostTwoHundredWarnings() throws Exception {
            String outlines = "<outline text=\"x\" xmlUrl=\"ftp://x.example/\"/>\n".repeat(250);

            List<String> warnings = body(outlines).warnings();

            assertThat(warnings).hasSize(201);
            assertThat(warnings.get(200)).isEqualTo("… and 50 more warnings");
        }

        @Test
        void readsFromAStreamAndAFile(@TempDir Path dir) throws Exception {
            byte[] xml = bytes("miniflux-export.opml");
            Path file = Files.write(dir.resolve("subscriptions.opml"), xml);

            assertThat(reader.read(new ByteArrayInputStream(xml))).isEqualTo(reader.read(xml));
            assertThat(reader.read(file)).isEqualTo(reader.read(xml));
        }
    }
}
