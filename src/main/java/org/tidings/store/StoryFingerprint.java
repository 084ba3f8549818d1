package org.tidings.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What near-duplicate detection knows of an article: a MinHash signature of its body's word
 * 3-shingles, its normalized title and its site. Candidates are found by LSH (the signature cut in
 * {@value #BANDS} bands of {@value #ROWS} rows, plus the normalized title) and confirmed by {@link
 * #sameStory}.
 */
final class StoryFingerprint {
    static final int BANDS = 8;
    static final int ROWS = 3;
    static final int HASHES = BANDS * ROWS;
    /** Fewer shingles than this is too little text to compare bodies. */
    static final int MIN_SHINGLES = 8;
    /** Words per shingle. */
    static final int SHINGLE = 3;

    private static final long[] SEEDS = new long[HASHES];

    static {
        long seed = 0x9e3779b97f4a7c15L;
        for (int i = 0; i < HASHES; i++) {
            seed = Text.mix(seed + 0x9e3779b97f4a7c15L * (i + 1));
            SEEDS[i] = seed | 1L;
        }
    }

    private final int[] minHashes;
    private final int shingles;
    private final String titleKey;
    private final String site;
    /** Computed on first use: ingest asks for them several times per article. */
    private @Nullable List<Long> keys;
    private @Nullable Set<String> titleWords;
    private @Nullable Set<String> titleNumbers;

    private StoryFingerprint(int[] minHashes, int shingles, String titleKey, String site) {
        this.minHashes = minHashes;
        this.shingles = shingles;
        this.titleKey = titleKey;
        this.site = site;
    }

    static StoryFingerprint of(String title, String text, String site) {
        long[] words = wordHashes(text);
        int count = words.length;
        long[] shingles = new long[Math.max(1, count - SHINGLE + 1)];
        int n = 0;
        if (count > 0) {
            for (int i = 0; i == 0 || i + SHINGLE <= count; i++) {
                long hash = 0;
                for (int w = i; w < Math.min(count, i + SHINGLE); w++) {
                    hash = Text.mix(hash * 31 + words[w]);
                }
                shingles[n++] = hash;
            }
        }
        Arrays.sort(shingles, 0, n);
        int[] mins = new int[HASHES];
        Arrays.fill(mins, -1);
        int unique = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && shingles[i] == shingles[i - 1]) {
                continue;
            }
            unique++;
            long shingle = shingles[i];
            for (int h = 0; h < HASHES; h++) {
                int value = (int) (Text.mix(shingle * SEEDS[h]) >>> 32);
                if (Integer.compareUnsigned(value, mins[h]) < 0) {
                    mins[h] = value;
                }
            }
        }
        return new StoryFingerprint(mins, unique, titleKey(title), site);
    }

    /**
     * Hashes of the lower-cased words of a text (runs of letters and digits; apostrophes inside
     * words dropped), without building strings: the same words as {@link Text#words} for text
     * already in NFKC form.
     */
    static long[] wordHashes(String text) {
        long[] hashes = new long[16];
        int count = 0;
        long hash = 0xcbf29ce484222325L;
        boolean inWord = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                hash ^= Character.toLowerCase(c);
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

    /** Rebuilds a stored fingerprint from {@link #signature()}. */
    static StoryFingerprint stored(byte[] signature, String titleKey, String site) {
        ByteBuffer buffer = ByteBuffer.wrap(signature);
        int shingles = buffer.getInt();
        int[] mins = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            mins[i] = buffer.getInt();
        }
        return new StoryFingerprint(mins, shingles, titleKey, site);
    }

    /** Normalized title: quotes, dashes, punctuation and case ignored. */
    static String titleKey(String title) {
        return String.join(" ", Text.words(title));
    }

    byte[] signature() {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * HASHES);
        buffer.putInt(shingles);
        for (int value : minHashes) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    String titleKey() {
        return titleKey;
    }

    String site() {
        return site;
    }

    boolean comparable() {
        return shingles >= MIN_SHINGLES;
    }

    /** The LSH keys: one per band, and one for the title when it has three words or more. */
    List<Long> candidateKeys() {
        List<Long> cached = keys;
        if (cached == null) {
            cached = List.copyOf(computeKeys());
            keys = cached;
        }
        return cached;
    }

    private List<Long> computeKeys() {
        List<Long> keys = new ArrayList<>(BANDS + 1);
        if (comparable()) {
            for (int band = 0; band < BANDS; band++) {
                long key = band + 1;
                for (int row = 0; row < ROWS; row++) {
                    key = Text.mix(key * 0x100000001b3L + minHashes[band * ROWS + row]);
                }
                keys.add(key);
            }
        }
        if (titleKey.split(" ").length >= 3) {
            keys.add(Text.hash64("title\u0000" + titleKey));
        }
        return keys;
    }

    /** The estimated Jaccard similarity of the two bodies' shingle sets. */
    double bodySimilarity(StoryFingerprint other) {
        int equal = 0;
        for (int i = 0; i < HASHES; i++) {
            if (minHashes[i] == other.minHashes[i]) {
                equal++;
            }
        }
        return equal / (double) HASHES;
    }

    /** The Jaccard similarity of the two titles' word sets. */
    double titleSimilarity(StoryFingerprint other) {
        Set<String> mine = titleWords();
        Set<String> theirs = other.titleWords();
        int common = 0;
        for (String word : mine) {
            if (theirs.contains(word)) {
                common++;
            }
        }
        int union = mine.size() + theirs.size() - common;
        return union == 0 ? 0 : common / (double) union;
    }

    /** The title's words as a set (a word repeated in the title counts once). */
    private Set<String> titleWords() {
        Set<String> cached = titleWords;
        if (cached == null) {
            cached = new HashSet<>(Arrays.asList(titleKey.split(" ")));
            titleWords = cached;
        }
        return cached;
    }

    private Set<String> titleNumbers() {
        Set<String> cached = titleNumbers;
        if (cached == null) {
            cached = new HashSet<>();
            for (String word : titleWords()) {
                if (!word.isEmpty() && word.chars().anyMatch(Character::isDigit)) {
                    cached.add(word);
                }
            }
            titleNumbers = cached;
        }
        return cached;
    }

    /**
     * Whether two articles at different sites are the same story: bodies close enough, with less
     * body similarity asked of articles whose titles agree; never when their titles carry
     * different numbers (daily rates, scores, tolls are different events).
     */
    boolean sameStory(StoryFingerprint other) {
        if (site.equals(other.site) || !comparable() || !other.comparable()) {
            return false;
        }
        Set<String> numbers = titleNumbers();
        Set<String> otherNumbers = other.titleNumbers();
        if (!numbers.isEmpty() && !otherNumbers.isEmpty() && !numbers.equals(otherNumbers)) {
            return false;
        }
        double body = bodySimilarity(other);
        if (body >= 0.5) {
            return true;
        }
        double title = titleSimilarity(other);
        if (!titleKey.isEmpty() && titleKey.equals(other.titleKey)) {
            return body >= 0.2;
        }
        return title >= 0.5 && body >= 0.3;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoryFingerprint that
                && Arrays.equals(minHashes, that.minHashes)
                && titleKey.equals(that.titleKey)
                && site.equals(that.site);
    }

    @Override
    public int hashCode() {
        return Objects.hash(titleKey, site, Arrays.hashCode(minHashes));
    }
}
