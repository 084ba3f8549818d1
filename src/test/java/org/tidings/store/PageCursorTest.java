package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageCursorTest {
    @Test
    void tokenRoundTrips() {
        PageCursor cursor = new PageCursor(1795168800000L, 42);
        assertThat(cursor.token()).isEqualTo("1795168800000:42");
        assertThat(PageCursor.parse(" 1795168800000:42 ")).isEqualTo(cursor);
    }

    @Test
    void malformedTokenIsAOneLineError() {
        assertThatThrownBy(() -> PageCursor.parse("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a page cursor: yesterday");
        assertThatThrownBy(() -> PageCursor.parse("1:x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a page cursor: 1:x");
    }
}
