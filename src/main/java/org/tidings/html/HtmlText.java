package org.tidings.html;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;

/**
 * Feed HTML to one line of plain text, for every package that needs it: titles and summaries
 * (parse), search text and story shingles (store). Tags are removed (block-level ones become a
 * space), script/style/applet content and comments dropped (SGML comment rules, as feedparser),
 * HTML entities decoded with jsoup's entity tables, whitespace collapsed. A single pass without a
 * tree, because it runs on every title and summary of every feed; the reader's structured view
 * of a body (paragraphs, lists, numbered links) is {@link HtmlBlocks}, over jsoup's parser.
 */
public final class HtmlText {
    private HtmlText() {}

    /** Tags that become a space in plain text. */
    private static final Set<String> BLOCK = Set.of("br", "p", "div", "li", "ul", "ol", "tr", "td", "th",
            "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "dd", "dt", "dl", "section",
            "article", "header", "footer");

    /** Elements whose content is dropped, not shown (code, styles, applets). */
    private static final Set<String> HIDDEN = Set.of("script", "style", "applet");

    /** HTML elements that make RSS text count as HTML (the sanitizer's acceptable set). */
    private static final Set<String> ACCEPTABLE_ELEMENTS = Set.of("a", "abbr", "acronym", "address", "area", "article",
            "aside", "audio", "b", "big", "blockquote", "br", "button", "canvas", "caption", "center", "cite",
            "code", "col", "colgroup", "command", "datagrid", "datalist", "dd", "del", "details", "dfn", "dialog",
            "dir", "div", "dl", "dt", "em", "event-source", "fieldset", "figcaption", "figure", "font", "footer",
            "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "input", "ins", "kbd",
            "keygen", "label", "legend", "li", "m", "map", "menu", "meter", "multicol", "nav", "nextid", "noscript",
            "ol", "optgroup", "option", "output", "p", "pre", "progress", "q", "s", "samp", "section", "select",
            "small", "sound", "source", "spacer", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td",
            "textarea", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "video");

    private static final Pattern CLOSE_TAG = Pattern.compile("</(\\w+)>");
    private static final Pattern ENTITY = Pattern.compile("&#?\\w+;");
    private static final Pattern ANY_TAG = Pattern.compile("</?(\\w+)");
    private static final Pattern NAMED_ENTITY = Pattern.compile("&(\\w+);");

    /**
     * Whether text from an RSS element (which does not say its type) should be read as HTML: it has a
     * closing tag or an entity, all its tags are ordinary HTML elements and all its entities are HTML's.
     */
    public static boolean looksLikeHtml(String text) {
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return false;
        }
        if (!CLOSE_TAG.matcher(text).find() && !ENTITY.matcher(text).find()) {
            return false;
        }
        Matcher tags = ANY_TAG.matcher(text);
        while (tags.find()) {
            if (!ACCEPTABLE_ELEMENTS.contains(tags.group(1).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        Matcher entities = NAMED_ENTITY.matcher(text);
        while (entities.find()) {
            if (!Entities.isBaseNamedEntity(entities.group(1)) && !HTML4_EXTRA.contains(entities.group(1))) {
                return false;
            }
        }
        return true;
    }

    /** HTML 4 entity names that are not in jsoup's base set (the base set is the HTML 4 Latin-1 set). */
    private static final Set<String> HTML4_EXTRA = Set.of("OElig", "oelig", "Scaron", "scaron", "Yuml", "circ",
            "tilde", "ensp", "emsp", "thinsp", "zwnj", "zwj", "lrm", "rlm", "ndash", "mdash", "lsquo", "rsquo",
            "sbquo", "ldquo", "rdquo", "bdquo", "dagger", "Dagger", "permil", "lsaquo", "rsaquo", "euro", "fnof",
            "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu",
            "Nu", "Xi", "Omicron", "Pi", "Rho", "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega", "alpha",
            "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
            "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
            "thetasym", "upsih", "piv", "bull", "hellip", "prime", "Prime", "oline", "frasl", "weierp", "image",
            "real", "trade", "alefsym", "larr", "uarr", "rarr", "darr", "harr", "crarr", "lArr", "uArr", "rArr",
            "dArr", "hArr", "forall", "part", "exist", "empty", "nabla", "isin", "notin", "ni", "prod", "sum",
            "minus", "lowast", "radic", "prop", "infin", "ang", "and", "or", "cap", "cup", "int", "there4", "sim",
            "cong", "asymp", "ne", "equiv", "le", "ge", "sub", "sup", "nsub", "sube", "supe", "oplus", "otimes",
            "perp", "sdot", "lceil", "rceil", "lfloor", "rfloor", "lang", "rang", "loz", "spades", "clubs",
            "hearts", "diams");

    /**
     * Plain text of an HTML fragment: comments and tags removed (block-level tags become a space),
     * script/style/applet content dropped, entities decoded, whitespace collapsed. Null when empty.
     * One pass over the characters, collapsing as it goes (it runs on every body of every feed).
     */
    public static @Nullable String plain(@Nullable String html) {
        if (html == null) {
            return null;
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return collapse(html);
        }
        char[] chars = html.toCharArray();
        Collapsing out = new Collapsing(chars.length);
        int length = chars.length;
        int i = 0;
        int textStart = 0;
        String hiddenUntil = null;
        while (i < length) {
            char c = chars[i];
            if (c != '<' || i + 1 >= length) {
                i++;
                continue;
            }
            char next = chars[i + 1];
            boolean markup = Character.isLetter(next) || next == '/' || next == '!' || next == '?';
            if (!markup) {
                i++;
                continue;
            }
            if (hiddenUntil == null) {
                appendText(out, chars, textStart, i);
            }
            int end;
            if (next == '!') {
                end = declarationEnd(html, i + 2);
            } else {
                int close = tagEnd(chars, i + 1);
                end = close < 0 ? length : close + 1;
                boolean closing = next == '/';
                int nameStart = closing ? i + 2 : i + 1;
                int nameEnd = nameStart;
                while (nameEnd < length && (Character.isLetterOrDigit(chars[nameEnd])
                        || chars[nameEnd] == '-' || chars[nameEnd] == ':')) {
                    nameEnd++;
                }
                String name = new String(chars, nameStart, nameEnd - nameStart).toLowerCase(Locale.ROOT);
                if (hiddenUntil != null) {
                    if (closing && name.equals(hiddenUntil)) {
                        hiddenUntil = null;
                    }
                } else if (HIDDEN.contains(name) && !closing && !(end >= 2 && chars[end - 2] == '/' && chars[end - 1] == '>')) {
                    hiddenUntil = name;
                } else if (BLOCK.contains(name)) {
                    out.append(' ');
                }
            }
            i = end;
            textStart = end;
        }
        if (hiddenUntil == null) {
            appendText(out, chars, textStart, length);
        }
        return out.text();
    }

    /** End of an SGML declaration or comment: {@code --} pairs delimit comments, then {@code >} ends it. */
    private static int declarationEnd(String html, int from) {
        int i = from;
        int length = html.length();
        while (i < length) {
            char c = html.charAt(i);
            if (c == '-' && html.startsWith("--", i)) {
                int close = html.indexOf("--", i + 2);
                if (close < 0) {
                    return length;
                }
                i = close + 2;
            } else if (c == '>') {
                return i + 1;
            } else {
                i++;
            }
        }
        return length;
    }

    private static int tagEnd(char[] html, int from) {
        char quote = 0;
        for (int i = from; i < html.length; i++) {
            char c = html[i];
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                if (i > from && html[i - 1] == '=') {
                    quote = c;
                }
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    /** Appends {@code html[from, to)} with its character references decoded. */
    private static void appendText(Collapsing out, char[] html, int from, int to) {
        int i = from;
        while (i < to) {
            int ampersand = i;
            while (ampersand < to && html[ampersand] != '&') {
                ampersand++;
            }
            out.append(html, i, ampersand);
            i = ampersand < to ? appendReference(out, html, ampersand, to) : to;
        }
    }

    /**
     * Decodes the character reference or HTML named entity (with or without the semicolon where HTML
     * allows) at {@code html[i]}, an ampersand; appends it, or the ampersand alone when none is
     * there. Returns where the text goes on.
     */
    private static int appendReference(Collapsing out, char[] html, int i, int length) {
        int end = i + 1;
        if (end < length && html[end] == '#') {
            end++;
            boolean hex = end < length && (html[end] == 'x' || html[end] == 'X');
            if (hex) {
                end++;
            }
            int digitsStart = end;
            while (end < length && end - digitsStart < 8
                    && (hex ? Character.digit(html[end], 16) >= 0 : Character.isDigit(html[end]))) {
                end++;
            }
            if (end > digitsStart) {
                int codePoint = Integer.parseInt(new String(html, digitsStart, end - digitsStart), hex ? 16 : 10);
                if (codePoint == 0 || codePoint > Character.MAX_CODE_POINT
                        || codePoint >= 0xD800 && codePoint <= 0xDFFF) {
                    codePoint = 0xFFFD;
                }
                out.appendCodePoint(codePoint);
                return end < length && html[end] == ';' ? end + 1 : end;
            }
        } else {
            while (end < length && end - i <= 32 && Character.isLetterOrDigit(html[end])) {
                end++;
            }
            if (end > i + 1) {
                String name = new String(html, i + 1, end - i - 1);
                boolean semicolon = end < length && html[end] == ';';
                if (semicolon ? Entities.isNamedEntity(name) : Entities.isBaseNamedEntity(name)) {
                    out.append(Entities.getByName(name));
                    return semicolon ? end + 1 : end;
                }
            }
        }
        out.append('&');
        return i + 1;
    }

    private static boolean isCollapsed(char[] text) {
        int length = text.length;
        if (length == 0) {
            return true;
        }
        boolean previousSpace = true;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c == ' ') {
                if (previousSpace) {
                    return false;
                }
                previousSpace = true;
            } else if (c <= ' ' || c >= 0x80 && isSpace(c)) {
                return false;
            } else {
                previousSpace = false;
            }
        }
        return !previousSpace;
    }

    /** Whitespace runs become one space, ends trimmed; null when nothing is left. */
    public static @Nullable String collapse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        char[] chars = text.toCharArray();
        if (isCollapsed(chars)) {
            return text.isEmpty() ? null : text;
        }
        Collapsing out = new Collapsing(chars.length);
        out.append(chars, 0, chars.length);
        return out.text();
    }

    /** Whitespace as {@link #collapse} reads it: {@link Character#isWhitespace} or {@link Character#isSpaceChar}. */
    private static boolean isSpace(char c) {
        if (c > ' ' && c < 0x7f) {
            return false;
        }
        return c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * Text being built with its whitespace collapsed as it is appended: every run of whitespace
     * between two other characters becomes one space, none at either end (what {@link #collapse}
     * does to a finished string, without building it first).
     */
    private static final class Collapsing {
        private char[] chars;
        private int length;
        private boolean space;

        Collapsing(int capacity) {
            chars = new char[Math.max(16, capacity)];
        }

        void append(char c) {
            if (isSpace(c)) {
                space = length > 0;
                return;
            }
            if (length + 2 > chars.length) {
                chars = java.util.Arrays.copyOf(chars, chars.length * 2);
            }
            if (space) {
                chars[length++] = ' ';
                space = false;
            }
            chars[length++] = c;
        }

        /** Appends {@code text[from, to)}: {@link #append(char)} for each, in one loop (the hot one). */
        void append(char[] text, int from, int to) {
            // each character gives at most one, plus the space pending from before the run
            int most = length + (to - from) + 1;
            if (most > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, most));
            }
            char[] out = chars;
            int end = length;
            boolean pendingSpace = space;
            for (int i = from; i < to; i++) {
                char c = text[i];
                if (c > ' ' && c < 0x7f || !isSpace(c)) {
                    if (pendingSpace) {
                        out[end++] = ' ';
                        pendingSpace = false;
                    }
                    out[end++] = c;
                } else {
                    pendingSpace = end > 0;
                }
            }
            length = end;
            space = pendingSpace;
        }

        void append(String text) {
            for (int i = 0; i < text.length(); i++) {
                append(text.charAt(i));
            }
        }

        void appendCodePoint(int codePoint) {
            if (Character.isBmpCodePoint(codePoint)) {
                append((char) codePoint);
            } else {
                append(Character.highSurrogate(codePoint));
                append(Character.lowSurrogate(codePoint));
            }
        }

        @Nullable String text() {
            return length == 0 ? null : new String(chars, 0, length);
        }
    }
}
