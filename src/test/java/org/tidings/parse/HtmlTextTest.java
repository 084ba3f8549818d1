package org.tidings.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void stripsTagsDecodesEntitiesAndCollapsesWhitespace() {
        assertThat(HtmlText.toPlainText("  <b>AT&amp;T</b>\n  &eacute;t&eacute; ")).isEqualTo("AT&T \u00e9t\u00e9");
    }

    @Test
    void turnsBlockTagsIntoSpaces() {
        assertThat(HtmlText.toPlainText("one<br>two<p>three</p>four")).isEqualTo("one two three four");
    }

    @Test
    void dropsScriptStyleAndAppletContent() {
        assertThat(HtmlText.toPlainText("safe<script>alert(1)</script> <style>p{}</style>description"))
                .isEqualTo("safe description");
    }

    @Test
    void dropsSgmlCommentsIncludingMalformedOnes() {
        assertThat(HtmlText.toPlainText("sa<!-- -- nonwhitespace >fe")).isEqualTo("safe");
        assertThat(HtmlText.toPlainText("a<!-- note -->b")).isEqualTo("ab");
    }

    @Test
    void keepsALessThanSignThatStartsNoTag() {
        assertThat(HtmlText.toPlainText("1 < 2")).isEqualTo("1 < 2");
    }

    @Test
    void emptyTextIsNull() {
        assertThat(HtmlText.toPlainText(" <p></p> ")).isNull();
        assertThat(HtmlText.collapse("   ")).isNull();
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
