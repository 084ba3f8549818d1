package org.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTextTest {
    private static List<String> render(String html, int width) {
        return HtmlText.parse(html, "https://site.example/post/").lines(width).stream().map(HtmlText.Line::text).toList();
    }

    @Test
    void rendersParagraphsSeparatedByABlankLine() {
        assertThat(render("<p>One  two\nthree.</p><p>Four.</p>", 40)).containsExactly("One two three.", "", "Four.");
    }

    @Test
    void wrapsLongParagraphs() {
        assertThat(render("<p>The Senate on Thursday passed the budget.</p>", 20))
                .containsExactly("The Senate on", "Thursday passed the", "budget.");
    }

    @Test
    void bulletsAndNumbersLists() {
        assertThat(render("<ul><li>a</li><li>b <ol start=\"3\"><li>c</li><li>d</li></ol></li></ul>", 40))
                .containsExactly("• a", "• b", "  3. c", "  4. d");
    }

    @Test
    void indentsBlockquotes() {
        assertThat(render("<p>He said:</p><blockquote><p>We will win the election by a wide margin.</p></blockquote>", 30))
                .containsExactly("He said:", "", "    We will win the election", "    by a wide margin.");
    }

    @Test
    void setsHeadingsApart() {
        List<HtmlText.Line> lines = HtmlText.parse("<p>a</p><h2>Title</h2><p>b</p>", "").lines(40);
        assertThat(lines).containsExactly(new HtmlText.Line("a", false), new HtmlText.Line("", false),
                new HtmlText.Line("Title", true), new HtmlText.Line("", false), new HtmlText.Line("b", false));
    }

    @Test
    void showsImagesByTheirAltText() {
        assertThat(render("<p><img src=\"a.jpg\" alt=\"Tinubu at the Villa\"> and <img src=\"b.jpg\"></p>", 60))
                .containsExactly("[image: Tinubu at the Villa] and [image]");
    }

    @Test
    void numbersLinksAndListsThemAtTheEndResolved() {
        assertThat(render("<p><a href=\"/a\">one</a>, <a href=\"https://x.example/b\">two</a>, <a href=\"/a\">again</a></p>", 60))
                .containsExactly("one[1], two[2], again[1]", "", "Links:", "[1] https://site.example/a",
                        "[2] https://x.example/b");
    }

    @Test
    void listsJavascriptAndDataLinksAsNotOpenable() {
        assertThat(render("<a href=\"javascript:alert(1)\">x</a> <a href=\"data:text/html,hi\">y</a>", 80))
                .containsExactly("x[1] y[2]", "", "Links:", "[1] javascript:alert(1) (not opened: javascript link)",
                        "[2] data:text/html,hi (not opened: data link)");
        assertThat(HtmlText.isOpenable("javascript:alert(1)")).isFalse();
        assertThat(HtmlText.isOpenable("HTTPS://ok.example/")).isTrue();
    }

    @Test
    void keepsPreformattedLines() {
        assertThat(render("<pre>a  b\n  c</pre>", 40)).containsExactly("a  b", "  c");
    }

    @Test
    void keepsLineBreaks() {
        assertThat(render("<p>line one<br>line two</p>", 40)).containsExactly("line one", "line two");
    }

    @Test
    void dropsScriptsAndStyles() {
        assertThat(render("<script>alert(1)</script><style>p{}</style><p>text</p>", 40)).containsExactly("text");
    }

    @Test
    void sanitizesEscapesInTextAndLinks() {
        assertThat(render("<p>a\u001b[2Jb</p><a href=\"http://x/\u001b]8;;\">l</a>", 60))
                .containsExactly("a␛[2Jb", "", "l[1]", "", "Links:", "[1] http://x/]8;;"); // jsoup drops controls from URLs
    }

    @Test
    void rendersEmptyAndBrokenHtml() {
        assertThat(render("", 40)).isEmpty();
        assertThat(render("<p>unclosed <b>bold <ul><li>x", 40)).containsExactly("unclosed bold", "", "• x");
    }
}
