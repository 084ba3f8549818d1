package org.tidings.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageExtractorTest {
    private final PageExtractor extractor = new PageExtractor();

    private static final String PARAGRAPHS = """
            <p>The council approved the new budget on Thursday after a debate that lasted most of the night, \
            with members arguing over the cost of repairing the old bridge across the river.</p>
            <p>Supporters said the repairs could not wait another winter. Opponents said the money should go \
            to schools first, and that the bridge could be closed to lorries instead.</p>
            <p>The mayor said work would start in March and <a href="/city/bridge">the plans</a> are online.</p>""";

    private static byte[] page(String article) {
        return ("""
                <html><head><title>Budget passes</title><script>var tracker = 1;</script>
                <style>p { color: red }</style></head><body>
                <nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
                <div class="cookie-banner">We use cookies. <button onclick="ok()">Accept all cookies</button></div>
                <article>%s</article>
                <div class="share"><a href="https://social.example/share">Share on Facebook</a></div>
                <footer>Copyright The Test Times</footer></body></html>""").formatted(article)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheArticleSanitizedWithAbsoluteLinks() {
        String article = PARAGRAPHS + """
                <script>alert(1)</script><iframe src="https://ads.example/x"></iframe>
                <p onclick="steal()" style="color: red">One more paragraph of the story with enough words in it to count.</p>
                <img src="/img/bridge.jpg" alt="The bridge"><img src="https://t.example/p.gif" width="1" height="1">""";

        PageText text = extractor.extract(page(article), "https://news.example/city/budget.html", "text/html", "utf-8", null);

        assertThat(text).isInstanceOf(PageText.Extracted.class);
        String html = ((PageText.Extracted) text).html();
        assertThat(html).contains("The council approved the new budget", "Opponents said the money", "One more paragraph")
                .contains("href=\"https://news.example/city/bridge\"", "src=\"https://news.example/img/bridge.jpg\"")
                .doesNotContain("<script", "alert(1)", "<iframe", "onclick", "style=", "t.example", "Accept all cookies",
                        "Share on Facebook", "Copyright", "Politics");
    }

    @Test
    void rejectsBodiesThatAreNotHtml() {
        assertThat(extractor.extract("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "https://x.example/a.pdf",
                "application/pdf", null, null)).isEqualTo(new PageText.Rejected("not an HTML page: application/pdf"));
        assertThat(extractor.extract(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "https://x.example/a", null, null, null))
                .isEqualTo(new PageText.Rejected("not an HTML page"));
    }

    @Test
    void rejectsPagesWithoutAnArticle() {
        byte[] index = page("<ul><li><a href=\"/a\">One</a></li><li><a href=\"/b\">Two</a></li></ul>");
        assertThat(extractor.extract(index, "https://x.example/", "text/html", null, null))
                .isEqualTo(new PageText.Rejected("no article text found on the page"));
    }

    @Test
    void rejectsPagesWithNoMoreTextThanTheFeed() {
        String feedText = PARAGRAPHS.replaceAll("<[^>]+>", "");
        assertThat(extractor.extract(page(PARAGRAPHS), "https://x.example/", "text/html", null, feedText))
                .isEqualTo(new PageText.Rejected("the page has no more text than the feed (paywall or teaser page)"));
    }

    @Test
    void readsTheCharsetOfThePage() {
        byte[] latin = page(PARAGRAPHS.replace("Thursday", "jeudi déjà")).clone();
        String html = new String(latin, StandardCharsets.UTF_8).replace("<head>", "<head><meta charset=\"iso-8859-1\">");
        PageText text = extractor.extract(html.getBytes(StandardCharsets.ISO_8859_1), "https://x.example/", "text/html", null, null);
        assertThat(((PageText.Extracted) text).html()).contains("jeudi déjà");
    }

    @Test
    void printsNothingOnTheTerminalForLinksItCannotResolve() {
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String article = PARAGRAPHS + "<p>Odd links: <a href=\"http://[bad\">one</a> <a href=\"ht tp://x y\">two</a>"
                    + " <img src=\"http://[::1\"> and enough words to keep this paragraph in the article.</p>";
            extractor.extract(page(article), "https://x.example/a", "text/html", null, null);
        } finally {
            System.setErr(before);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
