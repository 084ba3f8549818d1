package org.tidings.opml;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Folder paths: segments joined by {@code /}. A {@code /} inside one folder's own name is
 * replaced by {@value #SLASH_REPLACEMENT} (U+2215 DIVISION SLASH), which looks the same but keeps
 * the name one folder.
 */
final class FolderPaths {
    static final char SEPARATOR = '/';
    static final String SLASH_REPLACEMENT = "\u2215";

    private FolderPaths() {}

    /** One folder's name as a path segment, or null when blank. */
    static @Nullable String segment(@Nullable String name) {
        if (name == null) {
            return null;
        }
        String stripped = Warnings.oneLine(name).strip();
        return stripped.isEmpty() ? null : stripped.replace("/", SLASH_REPLACEMENT);
    }

    static String child(@Nullable String parent, String segment) {
        return parent == null ? segment : parent + SEPARATOR + segment;
    }

    /** Segments of a path, stripped, without empty ones ({@code " A//B "} is A, B). */
    static List<String> segments(@Nullable String path) {
        List<String> segments = new ArrayList<>();
        if (path == null) {
            return segments;
        }
        for (String part : path.split("/", -1)) {
            String stripped = part.strip();
            if (!stripped.isEmpty()) {
                segments.add(stripped);
            }
        }
        return segments;
    }

    /** The canonical form of a path, or null for the top level. */
    static @Nullable String normalize(@Nullable String path) {
        List<String> segments = segments(path);
        return segments.isEmpty() ? null : String.join("/", segments);
    }

    /** The path and all its ancestors, outermost first ({@code A/B} gives A, A/B). */
    static List<String> withAncestors(String path) {
        List<String> all = new ArrayList<>();
        String current = null;
        for (String segment : segments(path)) {
            current = child(current, segment);
            all.add(current);
        }
        return all;
    }
}
