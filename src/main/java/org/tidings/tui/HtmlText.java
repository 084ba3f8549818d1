package org.tidings.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tidings.html.HtmlBlocks;
import org.tidings.html.HtmlBlocks.Block;
import org.tidings.html.HtmlBlocks.Kind;

/**
 * An article body laid out for the terminal: the blocks of {@link HtmlBlocks} (the one HTML reader
 * of tidings, jsoup) wrapped to a width, with list markers and quote indents, and the numbered links
 * listed at the end. {@code javascript:} and {@code data:} links are listed (shortened) but marked
 * as not openable. All text passes {@link TerminalText}.
 */
public final class HtmlText {
    private static final int MAX_LINK_SHOWN = 200;

    /** A rendered line of safe text. */
    public record Line(String text, boolean heading) {}

    private final HtmlBlocks body;

    private HtmlText(HtmlBlocks body) {
        this.body = body;
    }

    /** Parses untrusted HTML; relative links are resolved against {@code baseUri} (may be ""). */
    public static HtmlText parse(String html, String baseUri) {
        return new HtmlText(HtmlBlocks.parse(html, baseUri));
    }

    /** The links in order of first appearance: number n is {@code links().get(n - 1)}. */
    public List<String> links() {
        return body.links();
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
        for (Block block : body.blocks()) {
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
        List<String> links = body.links();
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

}
