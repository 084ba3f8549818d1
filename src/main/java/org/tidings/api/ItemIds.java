package org.tidings.api;

import java.util.Locale;

/**
 * Item ids of the Google Reader API: the long form {@code tag:google.com,2005:reader/item/<16 hex>}
 * and the decimal short form, both naming the article id.
 */
final class ItemIds {
    static final String LONG_PREFIX = "tag:google.com,2005:reader/item/";

    private ItemIds() {}

    static String longForm(long id) {
        return LONG_PREFIX + String.format(Locale.ROOT, "%016x", id);
    }

    static String shortForm(long id) {
        return Long.toString(id);
    }

    /** Reads either form; throws BadRequest for anything else. */
    static long parse(String text) {
        String value = text.strip();
        try {
            if (value.startsWith(LONG_PREFIX)) {
                String hex = value.substring(LONG_PREFIX.length());
                if (hex.length() == 16 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    return Long.parseUnsignedLong(hex, 16);
                }
            } else if (!value.isEmpty() && value.length() <= 20 && value.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-')) {
                return Long.parseLong(value);
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new BadRequest("malformed item id: " + shorten(value));
    }

    static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
