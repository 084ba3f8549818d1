package org.tidings.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.tidings.model.Entry;
import org.tidings.model.ParsedFeed;

/**
 * Relative URLs inside escaped HTML (Atom {@code type="html"}, an entity-escaped RSS {@code
 * description}, {@code content:encoded}) resolve against the base in scope, as feedparser does:
 * the {@code xml:base} of the content or of its ancestors, else the document's URL. The rest of
 * the markup is kept as written.
 */
class EscapedHtmlBaseTest {
    private final FeedParser parser = new FeedParser();

    @Test
    void wordPressContentEncodedResolvesAgainstTheFeedUrl() throws Exception {
        ParsedFeed feed = parser.parse(Fixtures.feed("rss20-escaped-relative.xml"),
                URI.create("https://lagosarts.example/feed/"), null);

        String html = feed.entries().get(0).contentHtml();
        assertThat(html)
                .contains("<a href=\"https://lagosarts.example/tag/textiles/\">adire textiles</a>")
                .contains("<a href='https://lagosarts.example/artists/nike-okundaye/'>Nike Okundaye</a>")
                .contains("<img data-src=\"lazy.jpg\" src=\"https://lagosarts.example/feed/images/wing.jpg\""
                        + " srcset=\"images/wing-2x.jpg 2x\" alt=\"Wing\" />")
                .contains("<a href=\"https://photos.example.org/wing\">Photo desk</a>")
                .contains("<a href=\"https://lagosarts.example/feed/gallery-hours.html\">hours page</a>")
                .contains("<a href=\"mailto:desk@lagosarts.example\">the desk</a>")
                .contains("<sup><a href=\"#fn1\">1</a></sup>")
                .contains("In HTML, src=relative.png is how an image is named.")
                .startsWith("<p>The gallery in Lekki adds four floors of ");
    }

    @Test
    void anEntityEscapedDescriptionResolvesToo() throws Exception {
        ParsedFeed feed = parser.parse(Fixtures.feed("rss20-escaped-relative.xml"),
                URI.create("https://lagosarts.example/feed/"), null);

        assertThat(feed.entries().get(1).contentHtml()).isEqualTo(
                "<p><img src=\"https://lagosarts.example/wp-content/uploads/2026/12/cover.jpg\" alt=\"Cover\" />"
                        + "A launch at <a href=\"https://lagosarts.example/venues/terra-kulture/\">Terra Kulture</a>"
                        + " on Saturday.</p>");
    }

    @Test
    void withoutABaseTheHtmlIsLeftAsWritten() throws Exception {
        ParsedFeed feed = parser.parse(Fixtures.feed("rss20-escaped-relative.xml"), null, null);

        assertThat(feed.entries().get(0).contentHtml())
                .contains("<a href=\"/tag/textiles/\">adire textiles</a>")
                .contains("src=\"images/wing.jpg\"")
                .contains("<a href=gallery-hours.html>hours page</a>");
        assertThat(feed.entries().get(1).contentHtml()).contains("<a href=\"/venues/terra-kulture/\">");
    }

    @Test
    void atomHtmlContentResolvesAgainstTheEntryBase() throws Exception {
        ParsedFeed feed = parser.parse(Fixtures.feed("atom10-html-xmlbase.xml"), null, null);

        Entry entry = feed.entries().get(0);
        assertThat(entry.link()).isEqualTo("https://www.example.ng/blog/2026/12/kubwa-water-works");
        assertThat(entry.contentHtml())
                .contains("<a href=\"https://www.example.ng/blog/2026/12/kubwa-water-works/plan.pdf\">plan</a> (PDF)")
                .contains("<img src=\"https://www.example.ng/static/img/kubwa-pumps.jpg\" alt=\"pumps\">")
                .contains("<blockquote cite=\"https://www.example.ng/blog/2026/11/earlier-report\">")
                .contains("<a href=\"https://fmwr.example.gov.ng/\">the ministry</a>");
    }

    @Test
    void aBaseOnTheContentElementWinsOverTheFeeds() throws Exception {
        ParsedFeed feed = parser.parse(Fixtures.feed("atom10-html-xmlbase.xml"),
                URI.create("https://elsewhere.example/atom.xml"), null);

        Entry moved = feed.entries().get(1);
        assertThat(moved.link()).isEqualTo("https://www.example.ng/blog/moved");
        assertThat(moved.contentHtml()).isEqualTo(
                "<a href=\"https://mirror.example.com/notes/moved.html\">The notes</a> are now kept on the mirror.");
    }

    @Test
    void brokenMarkupIsLeftAloneAndNeverFails() throws Exception {
        String[] bodies = {"<a href=", "<a href=\"unterminated", "=href=x", "<a href='a.html'", "x href=\"y\" <",
            "<img src = 'pic.png' >", "<a HREF=up.html>up</a>", "<a title=\"a=b\" href=\"q?x=1&amp;y=2\">q</a>"};
        String[] expected = {"<a href=", "<a href=\"unterminated", "=href=x", "<a href='https://e.example/n/a.html'",
            "x href=\"y\" <", "<img src = 'https://e.example/n/pic.png' >",
            "<a HREF=\"https://e.example/n/up.html\">up</a>",
            "<a title=\"a=b\" href=\"https://e.example/n/q?x=1&amp;y=2\">q</a>"};
        for (int i = 0; i < bodies.length; i++) {
            String escaped = bodies[i].replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
            ParsedFeed feed = parser.parse(("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id>"
                    + "<content type=\"html\">" + escaped + "</content></entry></feed>").getBytes(
                            java.nio.charset.StandardCharsets.UTF_8), URI.create("https://e.example/n/feed.xml"), null);
            assertThat(feed.entries().get(0).contentHtml()).as(bodies[i]).isEqualTo(expected[i]);
        }
    }
}
