package org.tidings.tui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An article body rendered from HTML to text blocks with jsoup: paragraphs, headings, lists with
 * bullets or numbers, indented blockquotes, preformatted text, {@code [image: alt]} for images and
 * numbered links ({@code text[1]}) listed at the end. {@code javascript:} and {@code data:} links
 * are listed (shortened) but marked as not openable. All text is sanitized.
 */
public final class HtmlText {
    private static final Set<String> SKIPPED = Set.of(
            "script", "style", "head", "noscript", "template", "iframe", "object", "embed", "svg",
            "math", "button", "input", "select", "textarea", "form");
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "header", "footer", "figure", "figcaption", "table",
            "tr", "dl", "dt", "dd", "main", "aside", "nav", "address", "details", "summary", "center",
            "tbody", "thead", "tfoot", "caption");
    private static final String BULLET = "• ";
    private static final int MAX_LINK_SHOWN = 200;

    /** A paragraph-like piece: prefixes for its first and following lines, and its text. */
    record Block(Kind kind, String firstPrefix, String prefix, String text) {}

    enum Kind { TEXT, HEADING, PRE, BLANK }

    /** A rendered line of safe text. */
    public record Line(String text, boolean heading) {}

    private final List<Block> blocks;
    private final List<String> links;

    private HtmlText(List<Block> blocks, List<String> links) {
        this.blocks = List.copyOf(blocks);
        this.links = List.copyOf(links);
    }

    /** Parses untrusted HTML; relative links are resolved against {@code baseUri} (may be ""). */
    public static HtmlText parse(String html, String baseUri) {
        Builder builder = new Builder();
        builder.walkChildren(Jsoup.parseBodyFragment(html, baseUri).body());
        builder.flush(Kind.TEXT);
        return new HtmlText(builder.blocks, new ArrayList<>(builder.links.keySet()));
    }

    /** The links in order of first appearance: number n is {@code links().get(n - 1)}. */
    public List<String> links() {
        return links;
    }

    /** True for the links {@code o} may hand to a browser. */
    public static boolean isOpenable(String url) {
        String lower = url.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** Lays the body out in {@code width} columns, links listed at the end. */
    public List<Line> lines(int width) {
        int columns = Math.max(10, width);
        List<Line> out = new ArrayList<>();
        for (Block block : blocks) {
            switch (block.kind()) {
                case BLANK -> {
                    if (!out.isEmpty() && !out.get(out.size() - 1).text().isEmpty()) {
                        out.add(new Line("", false));
                    }
                }
                case PRE -> {
                    for (String raw : block.text().split("\n", -1)) {
                        String rest = block.prefix() + TerminalText.sanitize(raw.replace("\t", "    ")).stripTrailing();
                        do {
                            String piece = TerminalText.truncate(rest, columns);
                            out.add(new Line(piece, false));
                            rest = rest.substring(piece.length());
                        } while (!rest.isEmpty());
                    }
                }
                case TEXT, HEADING -> addWrapped(out, block, columns);
            }
        }
        while (!out.isEmpty() && out.get(out.size() - 1).text().isEmpty()) {
            out.remove(out.size() - 1);
        }
        if (!links.isEmpty()) {
            out.add(new Line("", false));
            out.add(new Line("Links:", true));
            for (int i = 0; i < links.size(); i++) {
                String url = links.get(i);
                String shown = url.length() > MAX_LINK_SHOWN ? url.substring(0, MAX_LINK_SHOWN) + "…" : url;
                String note = isOpenable(url) ? "" : " (not opened: " + scheme(url) + " link)";
                String label = "[" + (i + 1) + "] ";
                Block linkBlock = new Block(Kind.TEXT, label, " ".repeat(label.length()),
                        TerminalText.sanitize(shown) + note);
                addWrapped(out, linkBlock, columns);
            }
        }
        return out;
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon > 0 ? TerminalText.sanitize(url.substring(0, colon).toLowerCase(Locale.ROOT)) : "relative";
    }

    private static void addWrapped(List<Line> out, Block block, int columns) {
        String[] hardLines = block.text().split("\n", -1);
        boolean first = true;
        for (String hard : hardLines) {
            String text = TerminalText.sanitize(hard).strip();
            if (text.isEmpty() && !first) {
                out.add(new Line(block.prefix().stripTrailing(), false));
                continue;
            }
            String lead = first ? block.firstPrefix() : block.prefix();
            int available = Math.max(5, columns - TerminalText.width(block.prefix()));
            List<String> wrapped = TerminalText.wrap(text, available);
            for (int i = 0; i < wrapped.size(); i++) {
                String prefix = i == 0 ? lead : block.prefix();
                out.add(new Line(prefix + wrapped.get(i), block.kind() == Kind.HEADING));
            }
            first = false;
        }
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
                prefix = prefix + " ".repeat(TerminalText.width(marker));
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
