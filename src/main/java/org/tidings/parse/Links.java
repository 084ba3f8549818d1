package org.tidings.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jspecify.annotations.Nullable;

/**
 * Links of one document: references resolved against the {@code xml:base} in scope (RFC 3986
 * section 5; Atom, RFC 4287 section 2: every element may set {@code xml:base}, relative to the
 * base of its parent, the outermost relative to the document's URL), and the rules that pick the
 * feed's and an item's HTML link. The URLs inside content are resolved here too: attribute by
 * attribute in inline XHTML ({@link TextConstructs}), and in escaped HTML by {@link
 * #resolveInHtml}.
 */
final class Links {
    /** HTML attributes holding a URL that the base applies to, in inline XHTML and in escaped HTML. */
    static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite", "poster", "longdesc");
    private final @Nullable String documentUrl;

    Links(@Nullable String documentUrl) {
        this.documentUrl = documentUrl;
    }

    /** The reference resolved against the base in scope at {@code element}. */
    String resolve(Element element, String reference) {
        String ref = reference.strip();
        String base = base(element);
        return base == null ? ref : Urls.resolve(base, ref);
    }

    /** The xml:base in scope for an element (its own first), resolved outwards-in against the document URL. */
    @Nullable String base(Element element) {
        List<String> bases = null;
        for (Element e = element; e != null; e = e.getParentElement()) {
            String value = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (value != null) {
                if (bases == null) {
                    bases = new ArrayList<>(4);
                }
                bases.add(value.strip());
            }
        }
        String base = documentUrl;
        if (bases != null) {
            for (int i = bases.size() - 1; i >= 0; i--) {
                base = base == null ? bases.get(i) : Urls.resolve(base, bases.get(i));
            }
        }
        return base;
    }

    /**
     * Escaped HTML (Atom {@code type="html"}, an RSS {@code description} or {@code
     * content:encoded} with entity-escaped markup) with the relative URLs of its {@link
     * #URL_ATTRIBUTES} resolved against the base in scope at {@code element}, as feedparser does;
     * everything else is left byte for byte. Unchanged when there is no absolute base (a file
     * parsed without a document URL and without {@code xml:base}); a value that is only a
     * {@code #fragment} stays, pointing into the article itself.
     */
    String resolveInHtml(Element element, String html) {
        int equals = html.indexOf('=');
        if (equals < 0) {
            return html;
        }
        String base = base(element);
        if (!Urls.isAbsolute(base)) {
            return html;
        }
        StringBuilder out = null;
        int copied = 0;
        int length = html.length();
        for (; equals >= 0; equals = html.indexOf('=', equals + 1)) {
            int nameEnd = equals;
            while (nameEnd > 0 && isSpace(html.charAt(nameEnd - 1))) {
                nameEnd--;
            }
            int nameStart = nameEnd;
            while (nameStart > 0 && isLetter(html.charAt(nameStart - 1))) {
                nameStart--;
            }
            if (nameStart == 0 || !isUrlAttribute(html, nameStart, nameEnd)
                    || !(isSpace(html.charAt(nameStart - 1)) || html.charAt(nameStart - 1) == '"'
                            || html.charAt(nameStart - 1) == '\'')) {
                continue;
            }
            int start = equals + 1;
            while (start < length && isSpace(html.charAt(start))) {
                start++;
            }
            if (start == length) {
                break;
            }
            char quote = html.charAt(start);
            int valueStart = start;
            int valueEnd;
            int end;
            if (quote == '"' || quote == '\'') {
                valueStart = start + 1;
                valueEnd = html.indexOf(quote, valueStart);
                if (valueEnd < 0) {
                    break;
                }
                end = valueEnd + 1;
            } else {
                valueEnd = start;
                while (valueEnd < length && !isSpace(html.charAt(valueEnd)) && "<>\"'".indexOf(html.charAt(valueEnd)) < 0) {
                    valueEnd++;
                }
                end = valueEnd;
            }
            String reference = html.substring(valueStart, valueEnd).strip();
            boolean inTag = html.lastIndexOf('<', nameStart) > html.lastIndexOf('>', nameStart);
            equals = Math.max(equals, end - 1); // go on after the value, which may hold '=' of its own
            if (!inTag || reference.isEmpty() || reference.charAt(0) == '#' || isHttp(reference)
                    || Urls.isAbsolute(reference)) {
                continue;
            }
            String resolved = Urls.resolve(base, reference);
            if (resolved.equals(reference)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length + 64);
            }
            char q = quote == '\'' ? '\'' : '"';
            out.append(html, copied, start).append(q)
                    .append(resolved.replace(String.valueOf(q), q == '"' ? "&quot;" : "&#39;")).append(q);
            copied = end;
        }
        return out == null ? html : out.append(html, copied, length).toString();
    }

    private static boolean isUrlAttribute(String html, int start, int end) {
        int length = end - start;
        for (String name : URL_ATTRIBUTES) {
            if (name.length() == length && html.regionMatches(true, start, name, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** The common case, checked before the general rule: an absolute http(s) URL. */
    private static boolean isHttp(String reference) {
        return reference.regionMatches(true, 0, "https://", 0, 8) || reference.regionMatches(true, 0, "http://", 0, 7);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** A link still relative after xml:base is resolved against the feed's own link when that is absolute. */
    static @Nullable String finish(@Nullable String link, @Nullable String feedLink) {
        if (link == null || link.isBlank()) {
            return null;
        }
        if (!Urls.isAbsolute(link) && Urls.isAbsolute(feedLink)) {
            return Urls.resolve(feedLink, link);
        }
        return link;
    }

    /** An RSS {@code link}: its text, or the href of an Atom-style link that is an HTML alternate; else null. */
    @Nullable String rssLink(Element link) {
        String href = link.getAttributeValue("href");
        if (href == null) {
            String text = link.getTextTrim();
            text = text.replace("&amp;", "&");
            return text.isEmpty() ? "" : resolve(link, text);
        }
        String rel = link.getAttributeValue("rel", "alternate").strip();
        String type = link.getAttributeValue("type");
        if (rel.equals("alternate") && TextConstructs.isHtmlType(type == null ? "text/html" : type)) {
            return resolve(link, href);
        }
        return null;
    }

    /** An Atom {@code link} that is the HTML alternate (a link without {@code rel} is one), else null. */
    @Nullable String atomAlternate(Element link) {
        String href = link.getAttributeValue("href");
        if (href == null) {
            String text = link.getTextTrim();
            return text.isEmpty() ? null : resolve(link, text);
        }
        String rel = link.getAttributeValue("rel", "alternate").strip();
        String type = link.getAttributeValue("type", rel.equals("self") ? "application/atom+xml" : "text/html");
        if (rel.equals("alternate") && TextConstructs.isHtmlType(type)) {
            return resolve(link, href);
        }
        return null;
    }
}
