package org.tidings.store;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * When two articles are copies of one story (docs/DEDUP.md, "Stories across outlets"): pure
 * functions of two {@link StoryFingerprint}s, tested without a database. {@link StoryGrouper}
 * finds the candidates and keeps the groups.
 *
 * <p>In order: never at one outlet, never more than {@link #WINDOW} apart, never when both
 * headlines carry numbers and the numbers differ. Equal normalized headlines are one story unless
 * the headline is generic. Otherwise never when the headlines differ by one meaningful word; else
 * one story when the smaller body is mostly contained in the other ({@link #MIN_CONTAINMENT}, at
 * least {@link #MIN_SHARED_SHINGLES} shared shingles) and the headlines share words.
 */
final class StoryRules {
    /** Copies further apart than this (by publication time) are different stories. */
    static final Duration WINDOW = Duration.ofHours(72);
    /**
     * Headlines of fewer words do not identify a story on their own ("Editorial", "Markets
     * today"): 3 or fewer words recur; the labelled set's shortest real headline has 4.
     */
    static final int MIN_TITLE_WORDS = 4;
    /** Shared shingles over the smaller body's shingles: a lead within its full text. */
    static final double MIN_CONTAINMENT = 0.6;
    /** At least this many shared shingles: a one-line summary cannot match everything. */
    static final int MIN_SHARED_SHINGLES = 12;
    /** Shared headline words (stop words aside) over the shorter headline's. */
    static final double MIN_TITLE_OVERLAP = 0.25;

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "for", "and",
            "or", "with", "by", "from", "as", "is", "are", "was", "s", "it", "its", "into", "over", "after", "amid");

    /** Why two articles are, or are not, one story. */
    enum Verdict {
        EQUAL_HEADLINE(true),
        SAME_BODY(true),
        SAME_OUTLET(false),
        TOO_FAR_APART(false),
        NUMBERS_DIFFER(false),
        HEADLINE_WORD_DIFFERS(false),
        BODIES_DIFFER(false);

        final boolean same;

        Verdict(boolean same) {
            this.same = same;
        }
    }

    private StoryRules() {}

    /**
     * Whether {@code a} and {@code b} are one story.
     *
     * @param recurring whether a normalized headline recurs on different articles of one outlet
     */
    static Verdict decide(StoryFingerprint a, StoryFingerprint b, Predicate<String> recurring) {
        if (a.outlet().equals(b.outlet())) {
            return Verdict.SAME_OUTLET;
        }
        if (Math.abs(a.at() - b.at()) > WINDOW.toMillis()) {
            return Verdict.TOO_FAR_APART;
        }
        if (numbersDiffer(a.titleWords(), b.titleWords())) {
            return Verdict.NUMBERS_DIFFER;
        }
        if (!a.titleKey().isEmpty() && a.titleKey().equals(b.titleKey()) && !generic(a.titleKey(), recurring)) {
            return Verdict.EQUAL_HEADLINE;
        }
        if (oneWordDiffers(a.headlineWords(), b.headlineWords())) {
            return Verdict.HEADLINE_WORD_DIFFERS;
        }
        long[] mine = a.shingles();
        long[] theirs = b.shingles();
        int smaller = Math.min(mine.length, theirs.length);
        if (smaller == 0) {
            return Verdict.BODIES_DIFFER;
        }
        int shared = shared(mine, theirs);
        boolean contained = shared >= MIN_SHARED_SHINGLES && shared >= MIN_CONTAINMENT * smaller;
        return contained && titleOverlap(a.headlineWords(), b.headlineWords()) >= MIN_TITLE_OVERLAP
                ? Verdict.SAME_BODY : Verdict.BODIES_DIFFER;
    }

    /** A headline too short to identify a story, or one an outlet uses for different articles. */
    static boolean generic(String titleKey, Predicate<String> recurring) {
        return titleKey.split(" ").length < MIN_TITLE_WORDS || recurring.test(titleKey);
    }

    /** How many values two sorted arrays of distinct values share. */
    static int shared(long[] one, long[] other) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < one.length && j < other.length) {
            if (one[i] == other[j]) {
                shared++;
                i++;
                j++;
            } else if (one[i] < other[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /** Both headlines carry numbers, and not the same ones: daily rates, scores, tolls. */
    static boolean numbersDiffer(List<String> one, List<String> other) {
        Set<String> mine = numbers(one);
        Set<String> theirs = numbers(other);
        return !mine.isEmpty() && !theirs.isEmpty() && !mine.equals(theirs);
    }

    private static Set<String> numbers(List<String> words) {
        Set<String> numbers = new HashSet<>();
        for (String word : words) {
            if (word.chars().anyMatch(Character::isDigit)) {
                numbers.add(word);
            }
        }
        return numbers;
    }

    /**
     * The headlines differ in exactly one word each way, and the two words are not forms of one
     * word: "Naira gains against dollar" and "Naira falls against dollar", or "X meets Y" and "X
     * meets Z" (two events of one kind), are different stories; "Sept" and "September" are one word.
     */
    static boolean oneWordDiffers(List<String> one, List<String> other) {
        Set<String> onlyMine = new HashSet<>(one);
        onlyMine.removeAll(other);
        Set<String> onlyTheirs = new HashSet<>(other);
        onlyTheirs.removeAll(one);
        if (onlyMine.size() != 1 || onlyTheirs.size() != 1) {
            return false;
        }
        return !sameWord(onlyMine.iterator().next(), onlyTheirs.iterator().next());
    }

    /** Forms of one word: equal stems, or an abbreviation ("sept", "september"). */
    static boolean sameWord(String one, String other) {
        String shorter = one.length() <= other.length() ? one : other;
        String longer = shorter == one ? other : one;
        return stem(one).equals(stem(other)) || shorter.length() >= 3 && longer.startsWith(shorter);
    }

    /** A crude stem: "gains", "gained", "gaining" are "gain"; "rise", "rises", "rising" are "ris". */
    static String stem(String word) {
        String stem = word;
        for (String suffix : new String[] {"ing", "ed", "es", "s"}) {
            if (word.length() > suffix.length() + 2 && word.endsWith(suffix)) {
                stem = word.substring(0, word.length() - suffix.length());
                break;
            }
        }
        return stem.length() > 3 && stem.endsWith("e") ? stem.substring(0, stem.length() - 1) : stem;
    }

    /** Shared headline words, stop words aside, over the shorter headline's. */
    static double titleOverlap(List<String> one, List<String> other) {
        Set<String> mine = significant(one);
        Set<String> theirs = significant(other);
        if (mine.isEmpty() || theirs.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String word : mine) {
            if (theirs.contains(word)) {
                shared++;
            }
        }
        return shared / (double) Math.min(mine.size(), theirs.size());
    }

    private static Set<String> significant(List<String> words) {
        Set<String> significant = new HashSet<>();
        for (String word : words) {
            if (!STOP_WORDS.contains(word)) {
                significant.add(stem(word));
            }
        }
        return significant;
    }
}
