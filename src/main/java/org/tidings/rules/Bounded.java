package org.tidings.rules;

/**
 * Text a regular expression may read for a limited time: a pattern that backtracks without end on
 * some article (say {@code (a+)+$}) throws {@link TooSlow} instead of stalling a sync. Long texts
 * are cut at {@link #MAX_CHARS}.
 */
final class Bounded implements CharSequence {
    static final int MAX_CHARS = 100_000;
    static final long BUDGET_NANOS = 50_000_000L;

    /** Thrown when matching took longer than the budget. */
    static final class TooSlow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooSlow() {
            super("pattern took longer than " + BUDGET_NANOS / 1_000_000 + " ms", null, false, false);
        }
    }

    private final String text;
    private final long deadline;
    private int reads;

    private Bounded(String text, long deadline) {
        this.text = text;
        this.deadline = deadline;
    }

    static Bounded of(String text) {
        return new Bounded(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text, System.nanoTime() + BUDGET_NANOS);
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0xFFF) == 0 && System.nanoTime() > deadline) {
            throw new TooSlow();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new Bounded(text.substring(start, end), deadline);
    }

    @Override
    public String toString() {
        return text;
    }
}
