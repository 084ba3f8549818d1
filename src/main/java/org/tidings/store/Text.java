package org.tidings.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Small text helpers: HTML to plain text, word tokens, hashing. Allocation-light: ingest is hot. */
final class Text {
    private Text() {}

    /** Collapses runs of whitespace to one space and trims. */
    static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Plain text of an HTML fragment: tags dropped (block tags become spaces), script and style
     * bodies dropped, common entities decoded, whitespace collapsed. Not a full HTML parser: it
     * feeds search and similarity, the reader renders the HTML itself.
     */
    static @Nullable String plain(@Nullable String html) {
        if (html == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    break;
                }
                String tag = html.substring(i + 1, Math.min(end, i + 8)).toLowerCase(Locale.ROOT);
                if (tag.startsWith("script") || tag.startsWith("style")) {
                    String close = tag.startsWith("script") ? "</script" : "</style";
                    int closeAt = html.toLowerCase(Locale.ROOT).indexOf(close, end);
                    end = closeAt < 0 ? n - 1 : Math.max(end, html.indexOf('>', closeAt));
                    if (end < 0) {
                        break;
                    }
                }
                out.append(' ');
                i = end + 1;
            } else if (c == '&') {
                int semi = html.indexOf(';', i);
                if (semi > i && semi - i <= 10) {
                    String decoded = entity(html.substring(i + 1, semi));
                    if (decoded != null) {
                        out.append(decoded);
                        i = semi + 1;
                        continue;
                    }
                }
                out.append(c);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        String text = collapse(out.toString());
        return text.isEmpty() ? null : text;
    }

    private static @Nullable String entity(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return " ";
            case "rsquo": case "lsquo": return "'";
            case "rdquo": case "ldquo": return "\"";
            case "ndash": return "\u2013";
            case "mdash": return "\u2014";
            case "hellip": return "\u2026";
            default:
                break;
        }
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            }
            if (name.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
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

    /** A 64-bit hash (FNV-1a over UTF-16 units, then a murmur finalizer). */
    static long hash64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return mix(hash);
    }

    /** MurmurHash3's 64-bit finalizer: spreads every input bit over the output. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
