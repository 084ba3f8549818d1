package org.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Nested
    class Sanitize {
        @Test
        void turnsEscapeSequencesIntoVisibleText() {
            assertThat(TerminalText.sanitize("a\u001b[2Jb")).isEqualTo("a␛[2Jb");
        }

        @Test
        void neutralizesOsc52ClipboardAndOsc8Hyperlinks() {
            assertThat(TerminalText.sanitize("\u001b]52;c;SGVsbG8=\u0007")).isEqualTo("␛]52;c;SGVsbG8=␇");
            assertThat(TerminalText.sanitize("\u001b]8;;http://evil/\u001b\\x\u001b]8;;\u001b\\"))
                    .isEqualTo("␛]8;;http://evil/␛\\x␛]8;;␛\\");
        }

        @Test
        void replacesC1ControlsAndDel() {
            assertThat(TerminalText.sanitize("a\u009b31mb\u009dc\u007f")).isEqualTo("a\uFFFD31mb\uFFFDc␡");
        }

        @Test
        void turnsLineBreaksAndTabsIntoSpaces() {
            assertThat(TerminalText.sanitize("a\nb\r\tc\u2028d\u0085e")).isEqualTo("a b  c d e");
        }

        @Test
        void dropsBidiControlsAndZeroWidthCharacters() {
            assertThat(TerminalText.sanitize("\u202Eevil\u202C \u2066x\u2069 \u200Fy\u200Bz\uFEFF\u061C"))
                    .isEqualTo("evil x yz");
        }

        @Test
        void keepsRightToLeftLetters() {
            assertThat(TerminalText.sanitize("قمة أبوجا")).isEqualTo("قمة أبوجا");
        }

        @Test
        void composesCombiningMarksAndDropsThoseThatDoNotCompose() {
            assertThat(TerminalText.sanitize("Cafe\u0301")).isEqualTo("Café");
            assertThat(TerminalText.sanitize("o\u0323\u0300")).isEqualTo("ọ"); // Yoruba ọ̀: the tone mark cannot compose
        }

        @Test
        void isIdempotent() {
            String once = TerminalText.sanitize("a\u001b[2J ⭐ 😀 人 \u202Ex\u0301 \uD835\uDC01");
            assertThat(TerminalText.sanitize(once)).isEqualTo(once);
        }

        @Test
        void replacesUnassignedCodePointsOutsideWideRanges() {
            assertThat(TerminalText.sanitize("a\u0378b")).isEqualTo("a\uFFFDb");
        }

        @Test
        void replacesLoneSurrogates() {
            assertThat(TerminalText.sanitize("a\uD83Db")).isEqualTo("a\uFFFDb");
        }

        @Test
        void foldsNarrowAstralLettersAndMarksWideSymbols() {
            assertThat(TerminalText.sanitize("\uD835\uDC01\uD835\uDC2B")).isEqualTo("Br"); // mathematical bold
            assertThat(TerminalText.sanitize("⭐")).isEqualTo("⭐\uFE0F");
            assertThat(TerminalText.sanitize("⭐\uFE0F")).isEqualTo("⭐\uFE0F");
        }
    }

    @Nested
    class Width {
        @Test
        void countsWideCharactersTwice() {
            assertThat(TerminalText.width(TerminalText.sanitize("abc"))).isEqualTo(3);
            assertThat(TerminalText.width(TerminalText.sanitize("人民日报"))).isEqualTo(8);
            assertThat(TerminalText.width(TerminalText.sanitize("😀x"))).isEqualTo(3);
            assertThat(TerminalText.width(TerminalText.sanitize("⭐"))).isEqualTo(2);
            assertThat(TerminalText.width(TerminalText.sanitize("ｆｕｌｌ"))).isEqualTo(8);
            assertThat(TerminalText.width(TerminalText.sanitize("한국어"))).isEqualTo(6);
        }

        @Test
        void fitPadsOrCutsWithAnEllipsis() {
            assertThat(TerminalText.fit("abc", 5)).isEqualTo("abc  ");
            assertThat(TerminalText.fit("abcdef", 4)).isEqualTo("abc…");
            assertThat(TerminalText.fit("日本語", 4)).isEqualTo("日… ");
            assertThat(TerminalText.width(TerminalText.fit(TerminalText.sanitize("😀😀😀"), 5))).isEqualTo(5);
            assertThat(TerminalText.fit("abc", 0)).isEmpty();
        }

        @Test
        void truncateNeverSplitsAWideCharacter() {
            assertThat(TerminalText.truncate("日本語", 3)).isEqualTo("日");
            assertThat(TerminalText.truncate(TerminalText.sanitize("⭐ok"), 2)).isEqualTo("⭐\uFE0F");
        }
    }

    @Nested
    class Wrap {
        @Test
        void wrapsAtSpaces() {
            assertThat(TerminalText.wrap("the quick brown fox jumps", 10))
                    .containsExactly("the quick", "brown fox", "jumps");
        }

        @Test
        void breaksWordsLongerThanALine() {
            assertThat(TerminalText.wrap("abcdefghijkl xy", 5)).containsExactly("abcde", "fghij", "kl xy");
        }

        @Test
        void breaksCjkAnywhereByWidth() {
            assertThat(TerminalText.wrap("中国与尼日利亚举行", 6)).containsExactly("中国与", "尼日利", "亚举行");
        }

        @Test
        void givesOneEmptyLineForEmptyText() {
            assertThat(TerminalText.wrap("", 10)).containsExactly("");
        }
    }
}
