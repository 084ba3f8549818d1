package org.tidings.parse;

import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jspecify.annotations.Nullable;

/**
 * Links of one document: references resolved against the {@code xml:base} in scope (RFC 3986
 * section 5; Atom, RFC 4287 section 2: every element may set {@code xml:base}, relative to the
 * base of its parent, the outermost relative to the document's URL), and the rules that pick the
 * feed's and an item's HTML link.
 */
final class Links {
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
