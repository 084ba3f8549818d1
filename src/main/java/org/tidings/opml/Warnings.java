package org.tidings.opml;

import java.util.ArrayList;
import java.util.List;

/** Collects one-line warnings, keeping at most {@link #LIMIT} so a hostile file cannot flood. */
final class Warnings {
    static final int LIMIT = 200;
    private static final int MAX_QUOTED = 200;

    private final List<String> warnings = new ArrayList<>();
    private int dropped;

    void add(String warning) {
        if (warnings.size() < LIMIT) {
            warnings.add(oneLine(warning));
        } else {
            dropped++;
        }
    }

    List<String> toList() {
        List<String> all = new ArrayList<>(warnings);
        if (dropped > 0) {
            all.add("… and " + dropped + " more warnings");
        }
        return List.copyOf(all);
    }

    /** Newlines and tabs become spaces. */
    static String oneLine(String text) {
        return org.tidings.model.Messages.flatten(text);
    }

    /** A value for a message: one line, quoted, shortened when long. */
    static String quote(String value) {
        String line = oneLine(value);
        if (line.length() > MAX_QUOTED) {
            line = line.substring(0, MAX_QUOTED) + "…";
        }
        return '"' + line + '"';
    }
}
