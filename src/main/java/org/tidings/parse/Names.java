package org.tidings.parse;

import java.util.Locale;
import java.util.Set;
import org.jdom2.Attribute;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;

/**
 * Element names as the mappers compare them: the namespaces feeds use, the canonical short prefix
 * of an element's namespace ({@code ""} for RSS and Atom core), and case-insensitive lookups.
 */
final class Names {
    private Names() {}

    static final String NS_DC = "http://purl.org/dc/elements/1.1/";
    static final String NS_DCTERMS = "http://purl.org/dc/terms/";
    static final String NS_CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String NS_MEDIA = "http://search.yahoo.com/mrss/";
    static final String NS_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String NS_ATOM10 = "http://www.w3.org/2005/Atom";
    static final String NS_ATOM03 = "http://purl.org/atom/ns#";
    static final String NS_RSS10 = "http://purl.org/rss/1.0/";
    static final String NS_RSS090 = "http://my.netscape.com/rdf/simple/0.9/";
    static final String NS_WFW = "http://wellformedweb.org/CommentAPI/";
    static final String NS_XHTML = "http://www.w3.org/1999/xhtml";

    private static final Set<String> KNOWN_PREFIXES = Set.of("dc", "dcterms", "content", "media", "itunes", "wfw");

    /** The canonical prefix of an element's namespace: "" for RSS and Atom core, else a short name. */
    static String ns(Element element) {
        String uri = element.getNamespaceURI();
        if (uri.isEmpty()) {
            return "";
        }
        switch (uri) {
            case NS_ATOM10, NS_ATOM03, NS_RSS10, NS_RSS090, "http://backend.userland.com/rss",
                    "http://blogs.law.harvard.edu/tech/rss", "http://purl.org/rss/1.0/modules/rss091#",
                    "http://purl.org/echo/", "http://purl.org/pie/", "http://example.com/newformat#",
                    "http://example.com/necho", "uri/of/echo/namespace#":
                return "";
            case NS_DC:
                return "dc";
            case NS_DCTERMS:
                return "dcterms";
            case NS_CONTENT:
                return "content";
            case NS_RDF:
                return "rdf";
            case NS_WFW:
                return "wfw";
            default:
                break;
        }
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://www.itunes.com/dtds/podcast-1.0.dtd") || lower.equals("https://www.itunes.com/dtds/podcast-1.0.dtd")) {
            return "itunes";
        }
        if (lower.startsWith("http://search.yahoo.com/mrss") || lower.startsWith("https://search.yahoo.com/mrss")
                || lower.equals("http://video.search.yahoo.com/mrss")) {
            return "media";
        }
        if (lower.contains("backend.userland.com/rss")) {
            return "";
        }
        if (lower.equals("http://purl.org/dc/elements/1.1")) {
            return "dc";
        }
        // An unknown namespace URI (a typo, a variant spelling): the prefix as written decides, as
        // in the reference parser, when it is one of the well-known module prefixes.
        String prefix = element.getNamespacePrefix();
        if (KNOWN_PREFIXES.contains(prefix)) {
            return prefix;
        }
        return uri;
    }

    static boolean is(Element element, String prefix, String local) {
        return element.getName().equals(local) && ns(element).equals(prefix);
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** An attribute by its lower-case name, whatever the case in the document. */
    static String attribute(Element element, String lowerName, String fallback) {
        for (Attribute attribute : element.getAttributes()) {
            if (attribute.getName().equalsIgnoreCase(lowerName)) {
                return attribute.getValue();
            }
        }
        return fallback;
    }

    static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
