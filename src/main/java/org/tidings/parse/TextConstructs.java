package org.tidings.parse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jdom2.Attribute;
import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Text;
import org.jspecify.annotations.Nullable;
import org.tidings.html.HtmlText;

/**
 * Text constructs: titles as plain text, content and summaries as HTML, whatever the element's
 * type (Atom {@code text}/{@code html}/{@code xhtml}, a MIME type, base64, Atom 0.3 {@code mode},
 * RSS text that may or may not be HTML). Inline XHTML is written out as HTML with its {@code href}
 * and {@code src} resolved against the {@code xml:base} in scope where each one sits; escaped
 * HTML keeps its markup as written, its relative URLs resolved ({@link Links#resolveInHtml}).
 */
final class TextConstructs {
    private static final int SUMMARY_LIMIT = 500;

    private final Links links;

    TextConstructs(Links links) {
        this.links = links;
    }

    /** Text of an Atom text construct (title, subtitle): plain text whatever its type. */
    static @Nullable String atomText(Element element) {
        String type = element.getAttributeValue("type", "text").strip().toLowerCase(Locale.ROOT);
        String mode = element.getAttributeValue("mode", "").strip().toLowerCase(Locale.ROOT);
        if (mode.equals("base64") || isBase64Type(type)) {
            String decoded = base64(element.getText());
            if (decoded != null) {
                return isHtmlType(type) ? HtmlText.plain(decoded) : HtmlText.collapse(decoded);
            }
        }
        if (hasElementChildren(element)) {
            return HtmlText.plain(innerXml(unwrapXhtmlDiv(element), null));
        }
        if (isHtmlType(type) || mode.equals("escaped") && !type.equals("text") && !type.equals("text/plain")) {
            return HtmlText.plain(element.getText());
        }
        return HtmlText.collapse(element.getText());
    }

    /** RSS text that may be HTML: HTML when it looks like HTML (or carries markup), else plain. */
    static @Nullable String rssText(Element element) {
        String type = element.getAttributeValue("type");
        if (type != null && (isHtmlType(type) || isBase64Type(type.strip().toLowerCase(Locale.ROOT)))
                || element.getAttributeValue("mode", "").equals("base64")) {
            return atomText(element);
        }
        if (hasElementChildren(element)) {
            return HtmlText.plain(innerXml(element, null));
        }
        String text = element.getText();
        if (HtmlText.looksLikeHtml(text)) {
            return HtmlText.plain(text);
        }
        return HtmlText.collapse(text);
    }

    /** Atom content or summary (or an RSS element read the Atom way) as HTML. */
    @Nullable String contentHtml(Element element) {
        String type = element.getAttributeValue("type", "text").strip().toLowerCase(Locale.ROOT);
        String mode = element.getAttributeValue("mode", "").strip().toLowerCase(Locale.ROOT);
        String src = element.getAttributeValue("src");
        if (src != null && element.getText().isBlank() && !hasElementChildren(element)) {
            String url = links.resolve(element, src);
            return "<a href=\"" + escapeHtml(url) + "\">" + escapeHtml(url) + "</a>";
        }
        if (mode.equals("base64") || isBase64Type(type)) {
            String decoded = base64(element.getText());
            if (decoded != null) {
                return isHtmlType(type) ? links.resolveInHtml(element, decoded) : escapeHtml(decoded);
            }
        }
        if (hasElementChildren(element)) {
            return innerXml(unwrapXhtmlDiv(element), links);
        }
        if (isHtmlType(type)) {
            return escapedHtml(element);
        }
        return escapeHtml(element.getText());
    }

    /** An RSS element's HTML: its escaped text, or its inline markup written out. */
    String html(Element element) {
        if (hasElementChildren(element)) {
            return innerXml(element, links);
        }
        return escapedHtml(element);
    }

    /** HTML written as escaped text ({@code content:encoded}, Atom {@code type="html"}), its relative URLs resolved. */
    String escapedHtml(Element element) {
        return links.resolveInHtml(element, element.getText());
    }

    /** Plain text of at most about 500 characters, cut at a word, from HTML. */
    static @Nullable String summary(@Nullable String html) {
        String text = HtmlText.plain(html);
        if (text == null || text.length() <= SUMMARY_LIMIT) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SUMMARY_LIMIT);
        return text.substring(0, cut > SUMMARY_LIMIT / 2 ? cut : SUMMARY_LIMIT) + "…";
    }

    static boolean isHtmlType(@Nullable String type) {
        if (type == null) {
            return false;
        }
        String t = type.strip().toLowerCase(Locale.ROOT);
        return t.equals("html") || t.equals("xhtml") || t.equals("text/html") || t.equals("application/xhtml+xml");
    }

    /** Atom 1.0: content of a MIME type that is neither text nor XML is base64. */
    private static boolean isBase64Type(String type) {
        return type.contains("/") && !type.startsWith("text/") && !type.endsWith("xml")
                && !type.equals("application/xhtml+xml");
    }

    private static @Nullable String base64(String text) {
        try {
            return new String(Base64.getMimeDecoder().decode(text.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Element unwrapXhtmlDiv(Element element) {
        List<Element> children = element.getChildren();
        if (children.size() == 1 && children.get(0).getName().equals("div")) {
            for (Content content : element.getContent()) {
                if (content instanceof Text text && !text.getText().isBlank()) {
                    return element;
                }
            }
            return children.get(0);
        }
        return element;
    }

    private static boolean hasElementChildren(Element element) {
        return !element.getChildren().isEmpty();
    }

    /**
     * The element's content as HTML. With {@code links}, URL attributes are resolved against the
     * xml:base in scope at their own element, and {@code xml:base} itself is not written.
     */
    static String innerXml(Element element, @Nullable Links links) {
        StringBuilder out = new StringBuilder();
        for (Content content : element.getContent()) {
            write(content, out, links);
        }
        return out.toString();
    }

    private static void write(Content content, StringBuilder out, @Nullable Links links) {
        if (content instanceof Text text) {
            out.append(escapeHtml(text.getText()));
        } else if (content instanceof Element element) {
            out.append('<').append(element.getName());
            for (Attribute attribute : element.getAttributes()) {
                String value = attribute.getValue();
                if (links != null) {
                    if (attribute.getNamespaceURI().equals(Namespace.XML_NAMESPACE.getURI())
                            && attribute.getName().equals("base")) {
                        continue;
                    }
                    if (attribute.getNamespaceURI().isEmpty()
                            && Links.URL_ATTRIBUTES.contains(attribute.getName().toLowerCase(Locale.ROOT))) {
                        value = links.resolve(element, value);
                    }
                }
                out.append(' ').append(attribute.getName()).append("=\"").append(escapeHtml(value)).append('"');
            }
            if (element.getContent().isEmpty()) {
                out.append(" />");
                return;
            }
            out.append('>');
            for (Content child : element.getContent()) {
                write(child, out, links);
            }
            out.append("</").append(element.getName()).append('>');
        }
    }

    static String escapeHtml(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
