package org.tidings.opml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tidings.model.Subscription;

/** The {@code fullText} outline attribute: written for full-text feeds, read back on import. */
class FullTextAttributeTest {
    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void survivesExportAndImport() throws Exception {
        Subscription lead = new Subscription("http://www.people.com.cn/rss/world.xml", "People's Daily World", null, "News",
                List.of(), null, true);
        Subscription full = new Subscription("https://lwn.net/headlines/rss", "LWN", null, null, List.of());
        String xml = new OpmlWriter().toXml(OpmlDocument.forExport("feeds", NOW, List.of(lead, full), List.of()));

        assertThat(xml).contains("xmlUrl=\"http://www.people.com.cn/rss/world.xml\" fullText=\"true\"")
                .containsOnlyOnce("fullText");
        List<Subscription> back = new OpmlReader().read(xml.getBytes(StandardCharsets.UTF_8)).subscriptions();
        assertThat(back).extracting(Subscription::url, Subscription::fullText).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("http://www.people.com.cn/rss/world.xml", true),
                org.assertj.core.groups.Tuple.tuple("https://lwn.net/headlines/rss", false));
    }

    @Test
    void acceptsTheUsualSpellingsOfTrue() throws Exception {
        String xml = """
                <opml version="2.0"><body>
                  <outline text="a" xmlUrl="https://a.example/feed" fulltext="1"/>
                  <outline text="b" xmlUrl="https://b.example/feed" fullText="yes"/>
                  <outline text="c" xmlUrl="https://c.example/feed" fullText="no"/>
                </body></opml>""";
        assertThat(new OpmlReader().read(xml.getBytes(StandardCharsets.UTF_8)).subscriptions())
                .extracting(Subscription::fullText).containsExactly(true, true, false);
    }
}
