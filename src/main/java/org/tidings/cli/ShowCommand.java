package org.tidings.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tidings.api.ArticleJson;
import org.tidings.api.FeedJson;
import org.tidings.model.Article;
import org.tidings.model.ArticleContent;
import org.tidings.model.FeedRef;
import org.tidings.model.FullText;
import org.tidings.tui.HtmlText;
import org.tidings.tui.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tidings show ID [--json] [--fetch]}: one article — title, link, feeds, topics, the feed's
 * content as text and the full text of its page when there is one (or why there is none).
 */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Print one article: title, link, feeds, topics, its content as text and its full text.")
final class ShowCommand implements Callable<Integer> {
    /** Width the text is wrapped to. */
    static final int WIDTH = 78;

    @ParentCommand TidingsCommand top;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "Article id (see 'tidings articles').")
    long id;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--fetch", description = "Fetch the article's page for its full text now (again if it failed).")
    boolean fetch;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Services services = Services.open(top)) {
            Optional<Article> found = services.store.articles().article(id);
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no article with id " + id + " (see 'tidings articles')");
            }
            Article article = found.get();
            Optional<FullText> fullText = fetch ? services.pages().fetchNow(id) : services.store.fullText().get(id);
            Optional<ArticleContent> content = services.store.articles().content(id);
            String text = content.map(c -> asText(c.html() != null ? c.html() : c.summary(), article.link())).orElse("");
            boolean hidden = services.store.curation().isHidden(id);
            if (json) {
                out.println(FeedJson.write(toJson(article, hidden, text, fullText)));
            } else {
                print(out, article, hidden, text, fullText);
            }
            out.flush();
            if (fetch && fullText.isEmpty()) {
                spec.commandLine().getErr().println("tidings: article " + id + " has no web link to fetch");
                return ExitCodes.PARTIAL;
            }
            return fetch && fullText.get().status() != FullText.Status.OK ? ExitCodes.PARTIAL : ExitCodes.OK;
        }
    }

    private static void print(PrintWriter out, Article article, boolean hidden, String text, Optional<FullText> fullText) {
        out.println(clean(article.title() == null ? "(untitled)" : article.title()));
        out.println("id:        " + article.id() + flags(article, hidden));
        line(out, "link:      ", article.link());
        out.println("published: " + FeedJson.format(article.published()));
        line(out, "author:    ", article.author());
        out.println("feeds:     " + clean(article.feeds().stream().map(FeedRef::title).collect(Collectors.joining(", "))));
        line(out, "topics:    ", String.join(", ", article.topics()));
        out.println("full text: " + fullText.map(ft -> ft.status() == FullText.Status.OK
                ? "fetched " + FeedJson.format(ft.attemptedAt()) : clean(ft.describe())).orElse("none"));
        out.println();
        out.println(text.isBlank() ? "(no content in the feed)" : text);
        fullText.filter(ft -> ft.status() == FullText.Status.OK).ifPresent(ft -> {
            out.println();
            out.println("--- full text (" + clean(ft.url()) + ") ---");
            out.println(asText(ft.html(), ft.url()));
        });
    }

    private static String flags(Article article, boolean hidden) {
        StringBuilder flags = new StringBuilder();
        flags.append(article.read() ? " · read" : " · unread");
        if (article.starred()) {
            flags.append(" · starred");
        }
        if (hidden) {
            flags.append(" · hidden");
        }
        return flags.toString();
    }

    private static void line(PrintWriter out, String label, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            out.println(label + clean(value));
        }
    }

    private static String clean(String value) {
        return TerminalText.sanitize(value);
    }

    /** HTML as wrapped plain text, through the reader's own HTML-to-text. */
    static String asText(@Nullable String html, @Nullable String base) {
        if (html == null || html.isBlank()) {
            return "";
        }
        List<HtmlText.Line> lines = HtmlText.parse(html, base == null ? "" : base).lines(WIDTH);
        return lines.stream().map(HtmlText.Line::text).collect(Collectors.joining("\n")).strip();
    }

    private static ObjectNode toJson(Article article, boolean hidden, String text, Optional<FullText> fullText) {
        ObjectNode node = ArticleJson.toJson(article);
        node.put("author", article.author());
        node.put("hidden", hidden);
        node.put("content_text", text);
        ObjectNode full = node.putObject("full_text");
        if (fullText.isEmpty()) {
            full.put("status", "none");
        } else {
            FullText ft = fullText.get();
            full.put("status", ft.status().name().toLowerCase(java.util.Locale.ROOT));
            full.put("url", ft.url());
            full.put("reason", ft.reason());
            full.put("fetched", FeedJson.format(ft.attemptedAt()));
            full.put("html", ft.html());
            full.put("text", ft.status() == FullText.Status.OK ? asText(ft.html(), ft.url()) : null);
        }
        return node;
    }
}
