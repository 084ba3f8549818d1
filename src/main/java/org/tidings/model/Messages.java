package org.tidings.model;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one home for turning errors into the one-line messages tidings shows: the first line of a
 * message, an exception as one line, and a cause given its context once ({@code not a feed:
 * the root element is <html>}, never {@code not a feed: not a feed: …}).
 */
public final class Messages {
    /** Longest line kept from a message; longer ones end with "…". */
    public static final int MAX_LENGTH = 300;

    private Messages() {}

    /** The first non-blank line of {@code text}, stripped and at most {@link #MAX_LENGTH} long; "" for null. */
    public static String firstLine(@Nullable String text) {
        return firstLine(text, MAX_LENGTH);
    }

    /** The first non-blank line of {@code text}, stripped and at most {@code max} characters long. */
    public static String firstLine(@Nullable String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        return line.length() > max ? line.substring(0, Math.max(0, max - 1)) + "…" : line;
    }

    /** An error as one line: the first line of its message, or its type when it has none. */
    public static String of(Throwable error) {
        String line = firstLine(error.getMessage());
        return line.isEmpty() ? error.getClass().getSimpleName() : line;
    }

    /**
     * {@code context: cause}, unless the cause already starts with that context, so a cause is
     * said once however many layers add the same words.
     */
    public static String because(String context, String cause) {
        String line = firstLine(cause);
        if (line.isEmpty()) {
            return context;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        String prefix = context.toLowerCase(Locale.ROOT);
        if (lower.equals(prefix) || lower.startsWith(prefix + ":") || lower.startsWith(prefix + " ")) {
            return line;
        }
        return context + ": " + line;
    }

    /** {@link #because(String, String)} for an exception. */
    public static String because(String context, Throwable cause) {
        return because(context, of(cause));
    }

    /** Text on one line: every run of line breaks and tabs becomes one space (for quoting values). */
    public static String flatten(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ");
    }

    /** {@code 1 feed}, {@code 2 feeds}: a count with its noun, plural by adding "s". */
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
