package org.tidings.opml;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * OPML 2.0 {@code category}: comma-separated, each a tag or a {@code /}-path such as {@code
 * /Boston/Weather}. Each becomes one tag, without its leading and trailing {@code /} ({@code
 * Boston/Weather}).
 */
final class Tags {
    private Tags() {}

    static List<String> fromCategory(@Nullable String category) {
        if (category == null || category.isBlank()) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String part : category.split(",")) {
            String tag = clean(part);
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }

    /** The {@code category} attribute for tags; a comma inside a tag becomes {@code _}. */
    static String toCategory(List<String> tags) {
        List<String> cleaned = new ArrayList<>();
        for (String tag : tags) {
            String clean = clean(tag.replace(',', '_'));
            if (!clean.isEmpty() && !cleaned.contains(clean)) {
                cleaned.add(clean);
            }
        }
        return String.join(",", cleaned);
    }

    private static String clean(String tag) {
        String stripped = Warnings.oneLine(tag).strip();
        int start = 0;
        int end = stripped.length();
        while (start < end && stripped.charAt(start) == '/') {
            start++;
        }
        while (end > start && stripped.charAt(end - 1) == '/') {
            end--;
        }
        return stripped.substring(start, end).strip();
    }
}
