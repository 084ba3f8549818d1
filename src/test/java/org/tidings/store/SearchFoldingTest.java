package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchFoldingTest {
    @Test
    void foldsLatinLettersWithMarksAndKeepsEverythingElse() {
        assertThat(SearchFolding.fold("Café Ørsted Ñandú Şahin Việt Nam ß æ")).isEqualTo("Cafe Ørsted Nandu Sahin Viet Nam ß æ");
        assertThat(SearchFolding.fold("Αθήνα Москва 東京 “quotes” — 🎉")).isEqualTo("Αθήνα Москва 東京 “quotes” — 🎉");
        String plain = "nothing to fold";
        assertThat(SearchFolding.fold(plain)).isSameAs(plain);
        assertThat(SearchFolding.fold(null)).isNull();
    }
}
