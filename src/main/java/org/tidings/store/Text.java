package org.tidings.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tidings.html.HtmlText;

/** Small text helpers: word tokens and hashing (HTML to text is {@link HtmlText}'s). Allocation-light: ingest is hot. */
final class Text {
    private Text() {}

    /** Collapses runs of whitespace to one space and trims ("" when nothing is left). */
    static String collapse(String text) {
        String collapsed = HtmlText.collapse(text);
        return collapsed == null ? "" : collapsed;
    }

    /** Plain text of an HTML fragment, for search and similarity: the one rule of {@link HtmlText#plain}. */
    static @Nullable String plain(@Nullable String html) {
        return HtmlText.plain(html);
    }

    /**
     * Lower-cased word tokens: runs of letters and digits; apostrophes inside words are dropped
     * ({@code don't} is {@code dont}), every other character separates words.
     */
    static List<String> words(@Nullable String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String normalized = Normalizer.isNormalized(text, Normalizer.Form.NFKC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if ((c == '\'' || c == '\u2019') && word.length() > 0) {
                continue;
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** A 64-bit hash (FNV-1a over UTF-16 units, then a murmur finalizer). */
    static long hash64(String text) {
        return mix(fnv(FNV_OFFSET, text));
    }

    /** {@link #hash64} of {@code first + separator + second}, without building that string. */
    static long hash64(String first, char separator, String second) {
        long hash = (fnv(FNV_OFFSET, first) ^ separator) * FNV_PRIME;
        return mix(fnv(hash, second));
    }

    private static long fnv(long start, String text) {
        long hash = start;
        for (char c : text.toCharArray()) {
            hash ^= c;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** MurmurHash3's 64-bit finalizer: spreads every input bit over the output. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
