package org.tidings.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The one HTML-to-text component over the HTML real feeds carry: one line of plain text ({@link
 * HtmlText#plain}: titles, summaries, search text, shingles) and an article body as blocks ({@link
 * HtmlBlocks}: the reader's view). The reader's terminal layout of the blocks is tested in
 * org.tidings.tui.HtmlTextTest.
 */
class HtmlTextTest {
    /** A WordPress content:encoded body, as served (entities, a caption, a list, a table, a script). */
    private static final String WORDPRESS = """
            <p>The Senate on Thursday passed the <strong>2027</strong> budget&nbsp;&#8211; &ldquo;a win&rdquo;,
            said the&nbsp;leader.<br />Debate lasted 9&frac12; hours.</p>
            <figure class="wp-block-image"><img src="/wp-content/uploads/senate.jpg" alt="The Senate floor" /></figure>
            <ul><li>Tax bill</li><li>Roads &amp; rail</li></ul>
            <table><tr><th>State</th><th>Naira</th></tr><tr><td>Lagos</td><td>&#x20A6;1.2tn</td></tr></table>
            <script>window.wp = {"x": "<p>not text</p>"};</script><style>.a{color:red}</style>
            <p>Read more at <a href="/2026/11/27/senate-budget/">our site</a>.</p>
            """;

    @Nested
    class PlainText {
        @Test
        void readsARealBodyAsOneLine() {
            assertThat(HtmlText.plain(WORDPRESS)).isEqualTo("The Senate on Thursday passed the 2027 budget \u2013"
                    + " \u201ca win\u201d, said the leader. Debate lasted 9\u00bd hours. Tax bill Roads & rail"
                    + " State Naira Lagos \u20a61.2tn Read more at our site.");
        }

        @Test
        void stripsTagsDecodesEntitiesAndCollapsesWhitespace() {
            assertThat(HtmlText.plain("  <b>AT&amp;T</b>\n  &eacute;t&eacute; ")).isEqualTo("AT&T \u00e9t\u00e9");
        }

        @Test
        void turnsBlockTagsIntoSpacesAndInlineTagsIntoNothing() {
            assertThat(HtmlText.plain("one<br>two<p>three</p>four")).isEqualTo("one two three four");
            assertThat(HtmlText.plain("un<em>believ</em>able")).isEqualTo("unbelievable");
            assertThat(HtmlText.plain("<ol><li>a</li><li>b</li></ol><table><tr><td>c</td><td>d</td></tr></table>"))
                    .isEqualTo("a b c d");
        }

        @Test
        void dropsScriptStyleAndAppletContent() {
            assertThat(HtmlText.plain("safe<script>alert(1)</script> <style>p{}</style>description"))
                    .isEqualTo("safe description");
        }

        @Test
        void dropsSgmlCommentsIncludingMalformedOnes() {
            assertThat(HtmlText.plain("sa<!-- -- nonwhitespace >fe")).isEqualTo("safe");
            assertThat(HtmlText.plain("a<!-- note -->b")).isEqualTo("ab");
        }

        @Test
        void keepsEmojiWideCharactersAndRightToLeftText() {
            assertThat(HtmlText.plain("<p>\ud83c\udf89 &#x1F600; \u65e5\u672c\u8a9e\u306e\u8a18\u4e8b</p><p>\u0627\u0644\u0623\u062e\u0628\u0627\u0631</p>"))
                    .isEqualTo("\ud83c\udf89 \ud83d\ude00 \u65e5\u672c\u8a9e\u306e\u8a18\u4e8b \u0627\u0644\u0623\u062e\u0628\u0627\u0631");
        }

        @Test
        void survivesBrokenMarkup() {
            assertThat(HtmlText.plain("<p>open <b>bold <i>both</p> after")).isEqualTo("open bold both after");
            assertThat(HtmlText.plain("cut off <a href=\"x")).isEqualTo("cut off");
            assertThat(HtmlText.plain("1 < 2 &bogus; & 3")).isEqualTo("1 < 2 &bogus; & 3");
            assertThat(HtmlText.plain("&#0;&#xD800;&#99999999;")).isEqualTo("\ufffd\ufffd\ufffd");
        }

        @Test
        void collapsesWhitespaceThatEntitiesAndBlockTagsMakeAsWhitespaceInTheText() {
            assertThat(HtmlText.plain("<p> a&nbsp;&#x2003;\tb&#10;</p><br/>&#32;c\u3000")).isEqualTo("a b c");
            assertThat(HtmlText.plain("&nbsp;<div>\u00a0</div>x&amp;&#160;y")).isEqualTo("x& y");
            assertThat(HtmlText.collapse("a\tb")).isEqualTo("a b");
            assertThat(HtmlText.collapse("already collapsed")).isSameAs(HtmlText.collapse("already collapsed"));
        }

        @Test
        void emptyTextIsNull() {
            assertThat(HtmlText.plain(" <p></p> ")).isNull();
            assertThat(HtmlText.plain(null)).isNull();
            assertThat(HtmlText.collapse("   ")).isNull();
            assertThat(HtmlText.collapse("\u00a0a \t\n b\u2003")).isEqualTo("a b");
        }

        @Test
        void recognisesHtmlInRssText() {
            assertThat(HtmlText.looksLikeHtml("AT&amp;T")).isTrue();
            assertThat(HtmlText.looksLikeHtml("<b>bold</b>")).isTrue();
            assertThat(HtmlText.looksLikeHtml("AT&T")).isFalse();
            assertThat(HtmlText.looksLikeHtml("a <unknown>tag</unknown>")).isFalse();
            assertThat(HtmlText.looksLikeHtml("it&apos;s")).isFalse();
        }
    }

    @Nested
    class Blocks {
        @Test
        void readsARealBodyAsBlocksWithNumberedLinks() {
            HtmlBlocks body = HtmlBlocks.parse(WORDPRESS, "https://nigerianews24.example.ng/2026/11/27/x/");

            assertThat(body.blocks()).filteredOn(block -> block.kind() != HtmlBlocks.Kind.BLANK)
                    .extracting(HtmlBlocks.Block::firstPrefix, HtmlBlocks.Block::text)
                    .containsExactly(
                            tuple("", "The Senate on Thursday passed the 2027 budget\u00a0\u2013 \u201ca win\u201d, said"
                                    + " the\u00a0leader.\nDebate lasted 9\u00bd hours."),
                            tuple("", "[image: The Senate floor]"),
                            tuple("• ", "Tax bill"),
                            tuple("• ", "Roads & rail"),
                            tuple("", "State  Naira"),
                            tuple("", "Lagos  \u20a61.2tn"),
                            tuple("", "Read more at our site[1]."));
            assertThat(body.links()).containsExactly("https://nigerianews24.example.ng/2026/11/27/senate-budget/");
        }

        @Test
        void repairsBrokenMarkupAsABrowserWould() {
            HtmlBlocks body = HtmlBlocks.parse("<p>one <b>two<p>three</b> <ul><li>four<li>five</ul>", "");

            assertThat(body.blocks()).filteredOn(block -> block.kind() != HtmlBlocks.Kind.BLANK)
                    .extracting(HtmlBlocks.Block::text)
                    .containsExactly("one two", "three", "four", "five");
        }

        @Test
        void keepsEmojiAndWideCharacters() {
            HtmlBlocks body = HtmlBlocks.parse("<h2>\u65e5\u672c \ud83c\udf89</h2><pre>a\u3000b</pre>", "");

            assertThat(body.blocks()).filteredOn(block -> block.kind() != HtmlBlocks.Kind.BLANK)
                    .extracting(HtmlBlocks.Block::kind, HtmlBlocks.Block::text)
                    .containsExactly(tuple(HtmlBlocks.Kind.HEADING, "\u65e5\u672c \ud83c\udf89"),
                            tuple(HtmlBlocks.Kind.PRE, "a\u3000b"));
        }
    }
}
