package org.tidings.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What story grouping knows of one article: its outlet, normalized headline, time, and the word
 * 3-shingles of its body. {@link StoryRules} compares two of them; {@link #candidateKeys()} are the
 * keys under which {@link StoryGrouper} indexes the article so copies find each other without
 * scanning: the headline key, and the shingles chosen by winnowing the body's opening.
 */
final class StoryFingerprint {
    /** Words per shingle. */
    static final int SHINGLE = 3;
    /** The opening indexed for candidates, in words: a lead sits within a full text's first words. */
    static final int OPENING_WORDS = 100;
    /**
     * Winnowing window, in shingles: every run of {@value} shingles ({@value} + 2 words) gives up
     * its smallest hash as a key, so two openings sharing such a run share a key.
     */
    static final int WINNOW = 12;

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** A trailing source tag: "(PD)", "- NAN", "| Reuters" (three words at most). */
    private static final Pattern SOURCE_TAG =
            Pattern.compile("\\s*(?:\\(\\s*[^()\\s]+(?:\\s+[^()\\s]+){0,2}\\s*\\)|\\s[-\u2013\u2014|]\\s*\\S+(?:\\s+\\S+){0,2})\\s*$");

    private final String outlet;
    private final long at;
    private final Words words;

    /**
     * What a fingerprint reads of the headline and body alone, whatever the article's outlet and
     * time: a pure function of the two, computed on the parser threads during a sync (see
     * {@link PreparedFeed}) so that the writer only looks its keys up. Immutable once built
     * (its lazily filled caches hold immutable values).
     */
    static final class Words {
        private final String titleKey;
        private final String headline;
        private final long[] hashes;
        private final List<Long> keys;
        /** The keys sorted, for {@link #sharesKey} without boxing. */
        private final long[] sortedKeys;
        private @Nullable long[] shingles;
        private @Nullable List<String> titleWords;

        private Words(String titleKey, String headline, long[] hashes) {
            this.titleKey = titleKey;
            this.headline = headline;
            this.hashes = hashes;
            this.keys = chooseKeys();
            this.sortedKeys = keys.stream().mapToLong(Long::longValue).sorted().toArray();
        }

        static Words of(@Nullable String title, @Nullable String text) {
            String key = title == null ? "" : StoryFingerprint.titleKey(title);
            String headline = title == null ? "" : StoryFingerprint.titleKey(SOURCE_TAG.matcher(title).replaceFirst(""));
            return new Words(key, headline.isEmpty() ? key : headline, wordHashes(text == null ? "" : text));
        }

        String titleKey() {
            return titleKey;
        }

        /** The headline's words (empty for no headline). */
        List<String> titleWords() {
            List<String> cached = titleWords;
            if (cached == null) {
                cached = titleKey.isEmpty() ? List.of() : List.of(titleKey.split(" "));
                titleWords = cached;
            }
            return cached;
        }

        private List<Long> chooseKeys() {
            Set<Long> chosen = new LinkedHashSet<>();
            if (titleWords().size() >= StoryRules.MIN_TITLE_WORDS) {
                chosen.add(titleHash(titleKey));
            }
            long[] opening = shingleHashes(hashes, OPENING_WORDS);
            int window = Math.min(WINNOW, opening.length);
            for (int start = 0; window > 0 && start + window <= opening.length; start++) {
                long min = opening[start];
                for (int i = start + 1; i < start + window; i++) {
                    min = Math.min(min, opening[i]);
                }
                chosen.add(Text.mix(min ^ 0x5bd1e995L));
            }
            return List.copyOf(new ArrayList<>(chosen));
        }
    }

    private StoryFingerprint(String outlet, long at, Words words) {
        this.outlet = outlet;
        this.at = at;
        this.words = words;
    }

    /**
     * @param site the article's site ({@link Identity#site}); its outlet is taken from it
     * @param at publication time (epoch ms), else when it was first seen
     */
    static StoryFingerprint of(@Nullable String title, @Nullable String text, String site, long at) {
        return of(Words.of(title, text), site, at);
    }

    /** {@link #of(String, String, String, long)} with the headline and body already read. */
    static StoryFingerprint of(Words words, String site, long at) {
        return new StoryFingerprint(Outlets.of(site), at, words);
    }

    /**
     * The normalized headline: NFKC; curly quotes and primes folded to straight ones, dashes to
     * {@code -}; case folded; every run of characters other than letters and digits one space;
     * trimmed. (After the last step the folded quotes and dashes are spaces too: they are folded
     * first so that the rule reads the same whatever the punctuation step becomes.)
     */
    static String titleKey(String title) {
        String ascii = asciiTitleKey(title);
        if (ascii != null) {
            return ascii;
        }
        String text = Normalizer.normalize(title, Normalizer.Form.NFKC)
                .replaceAll("[\u2018\u2019\u201a\u201b\u2032\u2035]", "'")
                .replaceAll("[\u201c\u201d\u201e\u201f\u2033\u2036]", "\"")
                .replaceAll("[\u2010-\u2015\u2212]", "-")
                .toLowerCase(Locale.ROOT);
        return NOT_LETTER_OR_DIGIT.matcher(text).replaceAll(" ").strip();
    }

    /**
     * {@link #titleKey} of a title in ASCII, where NFKC and the quote and dash folding change
     * nothing: lower-cased letter and digit runs joined by one space; null for any other title.
     */
    private static @Nullable String asciiTitleKey(String title) {
        StringBuilder key = new StringBuilder(title.length());
        boolean gap = false;
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            boolean lower = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            boolean upper = c >= 'A' && c <= 'Z';
            if (lower || upper) {
                if (gap && key.length() > 0) {
                    key.append(' ');
                }
                gap = false;
                key.append(upper ? (char) (c + ('a' - 'A')) : c);
            } else {
                gap = true;
            }
        }
        return key.toString();
    }

    /** The key under which articles with this normalized headline are indexed. */
    static long titleHash(String titleKey) {
        return Text.hash64("title\u0000" + titleKey);
    }

    /**
     * Hashes of the lower-cased words of a text (runs of letters and digits; apostrophes inside
     * words dropped), without building strings.
     */
    static long[] wordHashes(String text) {
        char[] chars = text.toCharArray();
        long[] hashes = new long[Math.max(16, chars.length / 5)];
        int count = 0;
        long hash = 0xcbf29ce484222325L;
        boolean inWord = false;
        for (int i = 0; i <= chars.length; i++) {
            char c = i < chars.length ? chars[i] : ' ';
            // ASCII without Character's tables (the same answers): this runs on every body
            char lower;
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                lower = c;
            } else if (c >= 'A' && c <= 'Z') {
                lower = (char) (c + ('a' - 'A'));
            } else if (c >= 0x80 && Character.isLetterOrDigit(c)) {
                lower = Character.toLowerCase(c);
            } else {
                lower = 0;
            }
            if (lower != 0) {
                hash ^= lower;
                hash *= 0x100000001b3L;
                inWord = true;
            } else if ((c == '\'' || c == '\u2019') && inWord) {
                continue;
            } else if (inWord) {
                if (count == hashes.length) {
                    hashes = Arrays.copyOf(hashes, count * 2);
                }
                hashes[count++] = Text.mix(hash);
                hash = 0xcbf29ce484222325L;
                inWord = false;
            }
        }
        return Arrays.copyOf(hashes, count);
    }

    String outlet() {
        return outlet;
    }

    String titleKey() {
        return words.titleKey;
    }

    long at() {
        return at;
    }

    /**
     * The normalized headline's words without a trailing source tag ("Senate passes budget (PD)"
     * is "senate passes budget"): what headline differences are judged on.
     */
    List<String> headlineWords() {
        return words.headline.isEmpty() ? List.of() : List.of(words.headline.split(" "));
    }

    /** The headline's words (empty for no headline). */
    List<String> titleWords() {
        return words.titleWords();
    }

    /** The body's distinct shingle hashes, sorted. */
    long[] shingles() {
        long[] cached = words.shingles;
        if (cached == null) {
            cached = shingleHashes(words.hashes, words.hashes.length);
            Arrays.sort(cached);
            int unique = 0;
            for (int i = 0; i < cached.length; i++) {
                if (i == 0 || cached[i] != cached[i - 1]) {
                    cached[unique++] = cached[i];
                }
            }
            cached = Arrays.copyOf(cached, unique);
            words.shingles = cached;
        }
        return cached;
    }

    /** The shingles of the first {@code limit} words, in text order. */
    private static long[] shingleHashes(long[] words, int limit) {
        int count = Math.min(limit, words.length);
        if (count < SHINGLE) {
            return new long[0];
        }
        long[] out = new long[count - SHINGLE + 1];
        for (int i = 0; i < out.length; i++) {
            long hash = 0;
            for (int w = i; w < i + SHINGLE; w++) {
                hash = Text.mix(hash * 31 + words[w]);
            }
            out[i] = hash;
        }
        return out;
    }

    /** Whether the two share an index key: whether {@link StoryGrouper} can find one from the other. */
    boolean sharesKey(StoryFingerprint other) {
        long[] mine = words.sortedKeys;
        long[] theirs = other.words.sortedKeys;
        int i = 0;
        int j = 0;
        while (i < mine.length && j < theirs.length) {
            if (mine[i] == theirs[j]) {
                return true;
            }
            if (mine[i] < theirs[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /**
     * The index keys: the headline's (when it is long enough to identify a story on its own), and
     * the opening's winnowed shingles.
     */
    List<Long> candidateKeys() {
        return words.keys;
    }
}
