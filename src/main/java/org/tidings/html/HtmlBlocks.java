package org.tidings.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An article body as text blocks, read with jsoup's HTML parser (broken markup is repaired the way
 * browsers do): paragraphs, headings, lists with bullets or numbers, indented blockquotes,
 * preformatted text, {@code [image: alt]} for images, table cells side by side, and links numbered
 * ({@code text[1]}) in order of first appearance, resolved against the page's URL. Scripts,
 * styles, forms and embedded objects are dropped. Laying the blocks out on a screen (wrapping,
 * terminal-safe text) is the reader's job.
 */
public final class HtmlBlocks {
    private static final Set<String> SKIPPED = Set.of(
            "script", "style", "head", "noscript", "template", "iframe", "object", "embed", "svg",
            "math", "button", "input", "select", "textarea", "form");
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "header", "footer", "figure", "figcaption", "table",
            "tr", "dl", "dt", "dd", "main", "aside", "nav", "address", "details", "summary", "center",
            "tbody", "thead", "tfoot", "caption");
    private static final String BULLET = "• ";

    /**
     * A paragraph-like piece: prefixes for its first and following lines (list markers, quote
     * indents), and its text, in which {@code \n} is a hard line break.
     */
    public record Block(Kind kind, String firstPrefix, String prefix, String text) {}

    /** What a block is: running text, a heading, preformatted text (kept as is) or a blank line. */
    public enum Kind { TEXT, HEADING, PRE, BLANK }

    private final List<Block> blocks;
    private final List<String> links;

    private HtmlBlocks(List<Block> blocks, List<String> links) {
        this.blocks = List.copyOf(blocks);
        this.links = List.copyOf(links);
    }

    /** Reads untrusted HTML; relative links are resolved against {@code baseUri} (may be ""). */
    public static HtmlBlocks parse(String html, String baseUri) {
        Builder builder = new Builder();
        builder.walkChildren(Jsoup.parseBodyFragment(html, baseUri).body());
        builder.flush(Kind.TEXT);
        return new HtmlBlocks(builder.blocks, new ArrayList<>(builder.links.keySet()));
    }

    /** The blocks in document order. */
    public List<Block> blocks() {
        return blocks;
    }

    /** The links in order of first appearance: number n is {@code links().get(n - 1)}. */
    public List<String> links() {
        return links;
    }

    private static final class Builder {
        final List<Block> blocks = new ArrayList<>();
        final Map<String, Integer> links = new LinkedHashMap<>();
        final StringBuilder inline = new StringBuilder();
        String prefix = "";
        String firstPrefix = "";
        boolean firstPending = false;

        void walkChildren(Element element) {
            for (Node child : element.childNodes()) {
                walk(child);
            }
        }

        void walk(Node node) {
            if (node instanceof TextNode text) {
                appendText(text.getWholeText());
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (SKIPPED.contains(tag)) {
                return;
            }
            switch (tag) {
                case "br" -> inline.append('\n');
                case "img" -> {
                    String alt = element.attr("alt").strip();
                    appendText(alt.isEmpty() ? "[image]" : "[image: " + alt + "]");
                }
                case "a" -> {
                    walkChildren(element);
                    String href = element.absUrl("href");
                    if (href.isEmpty()) {
                        href = element.attr("href").strip();
                    }
                    if (!href.isEmpty() && !href.startsWith("#")) {
                        int number = links.computeIfAbsent(href, key -> links.size() + 1);
                        inline.append('[').append(number).append(']');
                    }
                }
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    flush(Kind.TEXT);
                    blank();
                    walkChildren(element);
                    flush(Kind.HEADING);
                    blank();
                }
                case "ul", "ol" -> list(element, tag.equals("ol"));
                case "blockquote" -> nested(element, "    ");
                case "pre" -> {
                    flush(Kind.TEXT);
                    blank();
                    blocks.add(new Block(Kind.PRE, prefix, prefix, element.wholeText()));
                    blank();
                }
                case "hr" -> {
                    flush(Kind.TEXT);
                    blocks.add(new Block(Kind.TEXT, prefix, prefix, "----------"));
                }
                case "li" -> nested(element, "");
                case "td", "th" -> {
                    walkChildren(element);
                    inline.append("  ");
                }
                default -> {
                    if (BLOCKS.contains(tag)) {
                        flush(Kind.TEXT);
                        if (tag.equals("p") || tag.equals("figure") || tag.equals("table")) {
                            blank();
                        }
                        walkChildren(element);
                        flush(Kind.TEXT);
                        if (tag.equals("p") || tag.equals("figure") || tag.equals("table")) {
                            blank();
                        }
                    } else {
                        walkChildren(element);
                    }
                }
            }
        }

        private void list(Element list, boolean ordered) {
            flush(Kind.TEXT);
            if (prefix.isEmpty()) {
                blank();
            }
            int number = 1;
            if (ordered && !list.attr("start").isEmpty()) {
                try {
                    number = Integer.parseInt(list.attr("start").strip());
                } catch (NumberFormatException e) {
                    number = 1;
                }
            }
            for (Element item : list.children()) {
                if (!item.normalName().equals("li")) {
                    walk(item);
                    continue;
                }
                String marker = ordered ? number++ + ". " : BULLET;
                String saved = prefix;
                firstPrefix = prefix + marker;
                firstPending = true;
                prefix = prefix + " ".repeat(marker.codePointCount(0, marker.length()));
                walkChildren(item);
                flush(Kind.TEXT);
                prefix = saved;
                firstPending = false;
            }
            if (prefix.isEmpty()) {
                blank();
            }
        }

        private void nested(Element element, String indent) {
            flush(Kind.TEXT);
            String saved = prefix;
            prefix = prefix + indent;
            if (!indent.isEmpty()) {
                blank();
            }
            walkChildren(element);
            flush(Kind.TEXT);
            if (!indent.isEmpty()) {
                blank();
            }
            prefix = saved;
        }

        private void appendText(String raw) {
            String collapsed = raw.replaceAll("[ \\t\\n\\r\\f]+", " ");
            if (collapsed.startsWith(" ") && (inline.length() == 0 || endsWithSpace())) {
                collapsed = collapsed.substring(1);
            }
            inline.append(collapsed);
        }

        private boolean endsWithSpace() {
            char last = inline.charAt(inline.length() - 1);
            return last == ' ' || last == '\n';
        }

        private void blank() {
            if (!blocks.isEmpty() && blocks.get(blocks.size() - 1).kind() != Kind.BLANK) {
                blocks.add(new Block(Kind.BLANK, "", "", ""));
            }
        }

        void flush(Kind kind) {
            String text = inline.toString().strip();
            inline.setLength(0);
            if (text.isEmpty()) {
                return;
            }
            String first = firstPending ? firstPrefix : prefix;
            firstPending = false;
            blocks.add(new Block(kind, first, prefix, text));
        }
    }
}
