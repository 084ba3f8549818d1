package org.tidings.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void aCauseIsSaidOnceHoweverManyLayersAddTheSameContext() {
        assertThat(Messages.because("not a feed", "not a feed: the root element is <html>"))
                .isEqualTo("not a feed: the root element is <html>");
        assertThat(Messages.because("not a feed", "Not a feed: x")).isEqualTo("Not a feed: x");
        assertThat(Messages.because("not a feed", "could not read the document: premature end"))
                .isEqualTo("not a feed: could not read the document: premature end");
        assertThat(Messages.because("not a feed", new IllegalArgumentException("not a feed"))).isEqualTo("not a feed");
    }

    @Test
    void anErrorIsItsFirstNonBlankLineOrItsType() {
        assertThat(Messages.of(new IOException("\n  first line  \nsecond"))).isEqualTo("first line");
        assertThat(Messages.of(new IllegalStateException())).isEqualTo("IllegalStateException");
        assertThat(Messages.of(new IllegalStateException("   "))).isEqualTo("IllegalStateException");
        assertThat(Messages.firstLine(null)).isEmpty();
        assertThat(Messages.firstLine("x".repeat(500))).hasSize(Messages.MAX_LENGTH).endsWith("…");
    }

    @Test
    void countsTakeTheRightPlural() {
        assertThat(Messages.count(1, "feed")).isEqualTo("1 feed");
        assertThat(Messages.count(0, "feed")).isEqualTo("0 feeds");
        assertThat(Messages.count(2, "round")).isEqualTo("2 rounds");
    }

    @Test
    void flattenPutsTextOnOneLine() {
        assertThat(Messages.flatten("News\r\n\tNigeria")).isEqualTo("News Nigeria");
    }
}
