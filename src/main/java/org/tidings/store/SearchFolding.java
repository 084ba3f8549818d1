package org.tidings.store;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * Folds the accented letters of the Latin blocks to their base letter (é to e, Ş to S, ệ to e), as
 * SQLite's full-text index does ({@code unicode61 remove_diacritics 2}), for PostgreSQL's search
 * documents and queries alike. Done here in Java rather than in SQL: the server's {@code
 * translate()} over the letter list cost about 7 ms of its CPU per 5 KB article, most of a cold sync.
 * Letters of other scripts, and Latin letters that are not a base letter with marks (æ, ø, ß),
 * are kept.
 */
final class SearchFolding {
    private static final int FIRST = 0x00C0;
    private static final int LAST = 0x1EFF;
    private static final char[] FOLDED = new char[LAST - FIRST + 1];

    static {
        for (int c = FIRST; c <= LAST; c++) {
            char folded = (char) c;
            boolean latin = c <= 0x024F || c >= 0x1E00;
            if (latin) {
                String decomposed = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
                char base = decomposed.charAt(0);
                boolean marksOnly = decomposed.length() > 1
                        && decomposed.substring(1).codePoints().allMatch(p -> Character.getType(p) == Character.NON_SPACING_MARK);
                if (base < 0x80 && Character.isLetter(base) && marksOnly) {
                    folded = base;
                }
            }
            FOLDED[c - FIRST] = folded;
        }
    }

    private SearchFolding() {}

    /** The text with its foldable letters folded; the same instance when there are none. */
    static @Nullable String fold(@Nullable String text) {
        if (text == null) {
            return null;
        }
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FIRST && c <= LAST && FOLDED[c - FIRST] != c) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = FOLDED[c - FIRST];
            }
        }
        return chars == null ? text : new String(chars);
    }
}
