package org.tidings.opml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tidings.opml.Fixtures.sub;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tidings.model.Subscription;

class OpmlWriterTest {
    private static final Instant NOW = Instant.parse("2026-11-27T08:05:09Z");

    private final OpmlWriter writer = new OpmlWriter();
    private final OpmlReader reader = new OpmlReader();

    @Test
    void writesOpml20WithHeadNestedFoldersAndFeeds() {
        OpmlDocument document = OpmlDocument.forExport("My feeds", NOW, List.of(
                sub("https://punchng.com/feed/", "Punch", "https://punchng.com/", "News/Nigeria", "nigeria", "daily"),
                sub("https://www.aljazeera.com/xml/rss/all.xml", "Al Jazeera", null, "News"),
                sub("https://lwn.net/headlines/rss", null, null, null)),
                List.of("Later"));

        assertThat(writer.toXml(document)).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head>
                    <title>My feeds</title>
                    <dateCreated>Fri, 27 Nov 2026 08:05:09 GMT</dateCreated>
                    <docs>https://opml.org/spec2.opml</docs>
                  </head>
                  <body>
                    <outline text="Later" title="Later"/>
                    <outline text="News" title="News">
                      <outline text="Nigeria" title="Nigeria">
                        <outline text="Punch" title="Punch" type="rss" xmlUrl="https://punchng.com/feed/" htmlUrl="https://punchng.com/" category="nigeria,daily"/>
                      </outline>
                      <outline text="Al Jazeera" title="Al Jazeera" type="rss" xmlUrl="https://www.aljazeera.com/xml/rss/all.xml"/>
                    </outline>
                    <outline text="https://lwn.net/headlines/rss" type="rss" xmlUrl="https://lwn.net/headlines/rss"/>
                  </body>
                </opml>
                """);
    }

    @Test
    void writesADefaultTitleAndNoDateWhenTheDocumentHasNone() {
        String xml = writer.toXml(new OpmlDocument(null, null, List.of(), List.of(), List.of()));

        assertThat(xml).contains("<title>tidings subscriptions</title>").doesNotContain("dateCreated");
        assertThat(xml).contains("<body>\n  </body>");
    }

    @Test
    void escapesMarkupAndKeepsWhitespaceInAttributes() throws Exception {
        String title = "Tom & Jerry <b>\"quoted\"</b> 'apos'\tTab\nNewline 🚀 Ọ̀rọ̀";
        OpmlDocument document = OpmlDocument.forExport("A & B <c>", NOW,
                List.of(sub("https://a.example/rss?a=1&b=<2>", title, "https://a.example/?q=\"x\"", "R&D/<Labs>", "a&b")),
                List.of());

        String xml = writer.toXml(document);
        OpmlDocument back = reader.read(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(xml).contains("<title>A &amp; B &lt;c&gt;</title>")
                .contains("text=\"Tom &amp; Jerry &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; 'apos'&#9;Tab&#10;Newline 🚀 Ọ̀rọ̀\"");
        assertThat(back.title()).isEqualTo("A & B <c>");
        assertThat(back.subscriptions()).containsExactly(
                sub("https://a.example/rss?a=1&b=<2>", title, "https://a.example/?q=\"x\"", "R&D/<Labs>", "a&b"));
        assertThat(back.warnings()).isEmpty();
    }

    @Test
    void dropsCharactersXmlCannotCarry() throws Exception {
        OpmlDocument document = OpmlDocument.forExport(null, NOW,
                List.of(sub("https://a.example/", "bell\u0007 nul\u0000 lone\uD800 end\uFFFF", null, null)), List.of());

        OpmlDocument back = reader.read(writer.toBytes(document));

        assertThat(back.subscriptions().get(0).title()).isEqualTo("bell nul lone end");
    }

    @Test
    void writesTheSameBytesWhateverTheInputOrder() {
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            subscriptions.add(sub("https://f" + i + ".example/", i % 7 == 0 ? null : "Feed " + (i % 10),
                    null, i % 3 == 0 ? null : "Folder " + (i % 4) + (i % 5 == 0 ? "/Sub" : "")));
        }
        List<String> folders = new ArrayList<>(List.of("b", "A", "a", "Empty/Deeper"));
        String expected = writer.toXml(OpmlDocument.forExport("t", NOW, subscriptions, folders));

        Random random = new Random(42);
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(subscriptions, random);
            Collections.shuffle(folders, random);
            assertThat(writer.toXml(OpmlDocument.forExport("t", NOW, subscriptions, folders))).isEqualTo(expected);
        }
    }

    @Test
    void ordersFoldersThenFeedsByNameIgnoringCase() {
        String xml = writer.toXml(OpmlDocument.forExport("t", NOW, List.of(
                sub("https://z.example/", "zebra", null, null),
                sub("https://b.example/", "Bravo", null, null),
                sub("https://a.example/", "alpha", null, null)), List.of("beta", "Alpha")));

        assertThat(xml.indexOf("\"Alpha\"")).isLessThan(xml.indexOf("\"beta\""));
        assertThat(xml.indexOf("\"beta\"")).isLessThan(xml.indexOf("\"alpha\""));
        assertThat(xml.indexOf("\"alpha\"")).isLessThan(xml.indexOf("\"Bravo\""));
        assertThat(xml.indexOf("\"Bravo\"")).isLessThan(xml.indexOf("\"zebra\""));
    }

    @Test
    void aFeedWithoutTitleIsReadBackWithoutTitle() throws Exception {
        OpmlDocument back = reader.read(writer.toBytes(OpmlDocument.forExport(null, NOW,
                List.of(sub("https://a.example/feed", null, null, "F")), List.of())));

        assertThat(back.subscriptions()).containsExactly(sub("https://a.example/feed", null, null, "F"));
    }

    @Test
    void normalizesFolderPathsAndTagsItCannotWriteAsGiven() throws Exception {
        OpmlDocument back = reader.read(writer.toBytes(OpmlDocument.forExport(null, NOW,
                List.of(sub("https://a.example/", "a", null, " News // Africa/ ", "one,two", "/path/tag/", " ")),
                List.of("  ", "/"))));

        assertThat(back.subscriptions()).containsExactly(
                sub("https://a.example/", "a", null, "News/Africa", "one_two", "path/tag"));
        assertThat(back.folders()).containsExactly("News", "News/Africa");
    }

    @Test
    void writesUtf8ToAStream() throws Exception {
        OpmlDocument document = OpmlDocument.forExport("Ọ̀rọ̀", NOW, List.of(), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        writer.write(document, out);

        assertThat(out.toByteArray()).isEqualTo(writer.toXml(document).getBytes(StandardCharsets.UTF_8));
        assertThat(reader.read(out.toByteArray()).title()).isEqualTo("Ọ̀rọ̀");
    }

    @Test
    void writesAndReadsBackAFeedsTopicOnlyWhenSet() throws Exception {
        OpmlDocument document = OpmlDocument.forExport(null, NOW, List.of(
                new Subscription("https://en.people.cn/rss/Africa.xml", "People's Daily", null, null, List.of(), "Africa News", false),
                new Subscription("https://site.example/feed/", "Site", null, null, List.of(), "", false),
                new Subscription("https://other.example/feed/", "Other", null, null, List.of())), List.of());

        String xml = writer.toXml(document);

        assertThat(xml).contains("<opml version=\"2.0\" xmlns:tidings=\"" + OpmlWriter.TIDINGS_NAMESPACE + "\">")
                .contains("tidings:topic=\"Africa News\"").contains("tidings:topic=\"\"");
        assertThat(new OpmlReader().read(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).subscriptions())
                .extracting(Subscription::url, Subscription::topic)
                .containsExactly(tuple("https://other.example/feed/", null), tuple("https://en.people.cn/rss/Africa.xml", "Africa News"),
                        tuple("https://site.example/feed/", ""));
        assertThat(writer.toXml(OpmlDocument.forExport(null, NOW, List.of(Subscription.of("https://a.example/feed")), List.of())))
                .contains("<opml version=\"2.0\">").doesNotContain("tidings:");
    }
}
