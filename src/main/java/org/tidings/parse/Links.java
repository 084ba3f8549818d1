package org.tidings.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** One of {@link #URL_ATTRIBUTES} with its value (double-, single- or unquoted), after a space or quote. */
    private static final Pattern URL_ATTRIBUTE = Pattern.compile(
            "(?<=[\\s\"'])(?:href|src|cite|poster|longdesc)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+)",
            Pattern.CASE_INSENSITIVE);

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
        if (html.indexOf('=') < 0) {
            return html;
        }
        String base = base(element);
        if (!Urls.isAbsolute(base)) {
            return html;
        }
        Matcher matcher = URL_ATTRIBUTE.matcher(html);
        StringBuilder out = null;
        int copied = 0;
        while (matcher.find()) {
            int at = matcher.start();
            if (html.lastIndexOf('<', at) <= html.lastIndexOf('>', at)) {
                continue; // text that reads like an attribute, outside any tag
            }
            String written = matcher.group(1);
            char quote = written.charAt(0) == '"' || written.charAt(0) == '\'' ? written.charAt(0) : 0;
            String value = quote == 0 ? written : written.substring(1, written.length() - 1);
            String reference = value.strip();
            if (reference.isEmpty() || reference.startsWith("#")) {
                continue;
            }
            String resolved = Urls.resolve(base, reference);
            if (resolved.equals(reference)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(html.length() + 64);
            }
            char q = quote == 0 ? '"' : quote;
            out.append(html, copied, matcher.start(1)).append(q)
                    .append(resolved.replace(String.valueOf(q), q == '"' ? "&quot;" : "&#39;")).append(q);
            copied = matcher.end(1);
        }
        return out == null ? html : out.append(html, copied, html.length()).toString();
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
