package org.tidings.xml;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Text;
import org.jdom2.Verifier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * The last resort for documents that are not well-formed (truncated, mismatched tags): jsoup's
 * forgiving XML parser reads what a person would read, and the tree is copied into JDOM with
 * namespaces resolved from the {@code xmlns} attributes in scope. What counts as the document's
 * root, which prefixes may go undeclared and which elements are containers is the caller's
 * {@link Lenience}.
 */
public final class LenientXml {
    private LenientXml() {}

    private static final int MAX_DEPTH = SafeXmlReader.MAX_DEPTH;

    /** Name of the element that holds what survives of a document whose root tag was damaged. */
    public static final String STAND_IN = "tidings-recovered-document";

    /**
     * What the lenient reading looks for.
     *
     * @param rootNames local names of the elements that can be the document's root (the first one
     *     found anywhere becomes the root)
     * @param knownPrefixes namespace URIs of prefixes that real documents use without declaring them
     * @param containers local names of elements kept even when the document ends inside them
     *     (other elements left open by a truncated document are dropped: their text is incomplete)
     */
    public record Lenience(Set<String> rootNames, Map<String, String> knownPrefixes, Set<String> containers) {
        public Lenience {
            rootNames = Set.copyOf(Objects.requireNonNull(rootNames, "rootNames"));
            knownPrefixes = Map.copyOf(Objects.requireNonNull(knownPrefixes, "knownPrefixes"));
            containers = Set.copyOf(Objects.requireNonNull(containers, "containers"));
        }
    }

    /** The document, or null when nothing of it survives. */
    public static @Nullable Document parse(String text, Lenience lenience) {
        org.jsoup.nodes.Document parsed = Jsoup.parse(text, "", Parser.xmlParser().setTrackPosition(true));
        org.jsoup.nodes.Element root = null;
        for (org.jsoup.nodes.Element element : parsed.getAllElements()) {
            if (element != parsed && lenience.rootNames().contains(localName(element.tagName()))) {
                root = element;
                break;
            }
        }
        if (root != null) {
            Element converted = convert(root, Map.of(), 0, text.length(), lenience);
            if (converted != null) {
                return new Document(converted);
            }
        }
        // No recognisable root (its start tag was damaged): keep whatever survives under a stand-in.
        Element standIn = new Element(STAND_IN);
        addChildren(parsed, standIn, Map.of(), 0, text.length(), lenience);
        return standIn.getChildren().isEmpty() ? null : new Document(standIn);
    }

    private static @Nullable Element convert(org.jsoup.nodes.Element source, Map<String, String> scope, int depth,
            int eof, Lenience lenience) {
        Map<String, String> names = scope;
        for (Attribute attribute : source.attributes()) {
            String key = attribute.getKey();
            if (key.equals("xmlns") || key.startsWith("xmlns:")) {
                if (names == scope) {
                    names = new HashMap<>(scope);
                }
                names.put(key.equals("xmlns") ? "" : key.substring(6), attribute.getValue().strip());
            }
        }
        String tag = source.tagName();
        String local = localName(tag);
        if (Verifier.checkElementName(local) != null) {
            return null;
        }
        Element element = new Element(local, namespace(prefix(tag), names, lenience));
        for (Attribute attribute : source.attributes()) {
            String key = attribute.getKey();
            if (key.equals("xmlns") || key.startsWith("xmlns:")) {
                continue;
            }
            String attributeLocal = localName(key);
            if (Verifier.checkAttributeName(attributeLocal) != null) {
                continue;
            }
            String prefix = prefix(key);
            Namespace namespace = prefix.isEmpty() ? Namespace.NO_NAMESPACE
                    : prefix.equals("xml") ? Namespace.XML_NAMESPACE : namespace(prefix, names, lenience);
            try {
                element.setAttribute(attributeLocal, XmlRepairs.stripInvalidCharacters(attribute.getValue()), namespace);
            } catch (RuntimeException e) {
                // an attribute JDOM cannot hold (namespace clash): leave it out
            }
        }
        addChildren(source, element, names, depth, eof, lenience);
        return element;
    }

    private static void addChildren(org.jsoup.nodes.Element source, Element element, Map<String, String> names,
            int depth, int eof, Lenience lenience) {
        if (depth >= MAX_DEPTH) {
            return;
        }
        for (Node child : source.childNodes()) {
            if (child instanceof TextNode textNode) {
                // jsoup decodes references such as &#x1B; that XML forbids; JDOM would throw on them.
                element.addContent(new Text(XmlRepairs.stripInvalidCharacters(textNode.getWholeText())));
            } else if (child instanceof org.jsoup.nodes.Element childElement) {
                if (unfinished(childElement, eof, lenience)) {
                    continue;
                }
                Element converted = convert(childElement, names, depth + 1, eof, lenience);
                if (converted != null) {
                    element.addContent(converted);
                } else {
                    // a damaged tag name: drop the tag, keep what it contains
                    addChildren(childElement, element, names, depth + 1, eof, lenience);
                }
            }
        }
    }

    /**
     * A text element that the document never closed (a truncated document ends inside it): its text
     * is incomplete (a cut-off link or id would be wrong), so it is left out, as a reader that
     * records an element's value at its end tag would. Containers (items) are kept.
     */
    private static boolean unfinished(org.jsoup.nodes.Element element, int eof, Lenience lenience) {
        org.jsoup.nodes.Range end = element.endSourceRange();
        if (!end.isTracked() || !end.isImplicit() || end.endPos() < eof) {
            return false; // closed by its end tag, self-closed, or closed by a parent's end tag
        }
        return !lenience.containers().contains(localName(element.tagName())) && element.children().isEmpty();
    }

    private static Namespace namespace(String prefix, Map<String, String> names, Lenience lenience) {
        String uri = names.get(prefix);
        if (uri == null && !prefix.isEmpty()) {
            uri = lenience.knownPrefixes().getOrDefault(prefix, "urn:x-undeclared-prefix:" + prefix);
        }
        if (uri == null || uri.isEmpty()) {
            return Namespace.NO_NAMESPACE;
        }
        try {
            return prefix.isEmpty() ? Namespace.getNamespace(uri) : Namespace.getNamespace(prefix, uri);
        } catch (RuntimeException e) {
            try {
                return Namespace.getNamespace(uri);
            } catch (RuntimeException again) {
                return Namespace.NO_NAMESPACE; // a URI JDOM refuses (e.g. starting with a digit)
            }
        }
    }

    private static String prefix(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? "" : name.substring(0, colon);
    }

    private static String localName(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }
}
