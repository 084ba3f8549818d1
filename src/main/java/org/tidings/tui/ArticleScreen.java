package org.tidings.tui;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tidings.model.FullText;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One article: title, sources, topics, author, date, link and the story's copies at other
 * outlets, then the body as wrapped text; scrolls; {@code c} opens the next copy.
 */
final class ArticleScreen implements View {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReaderApp app;
    private final @Nullable ArticleListScreen list;
    private ArticleDetail article;
    private HtmlText body;
    /** The page's full text or why there is none (f fetches it); empty when never asked for. */
    private Optional<FullText> fullText;
    private boolean showingFullText;
    private List<HtmlText.Line> lines = List.of();
    private int laidOutWidth = -1;
    private int scroll;
    private int copyIndex = -1;
    private int enclosureIndex = -1;

    ArticleScreen(ReaderApp app, ArticleDetail article, @Nullable ArticleListScreen list) {
        this.app = app;
        this.article = article;
        this.list = list;
        this.body = feedBody();
        this.fullText = app.data().fullText(article.id());
    }

    private HtmlText feedBody() {
        return HtmlText.parse(article.html() == null ? "" : article.html(), article.link() == null ? "" : article.link());
    }

    /** f: shows the stored full text, fetches it when there is none, or goes back to the feed's text. */
    private void toggleFullText() {
        if (showingFullText) {
            showingFullText = false;
            body = feedBody();
            laidOutWidth = -1;
            app.info("The feed's text");
            return;
        }
        if (fullText.isPresent() && fullText.get().status() == FullText.Status.OK) {
            showFullText(fullText.get());
            return;
        }
        long id = article.id();
        app.fetchFullText(id, result -> {
            if (article.id() != id) {
                return;
            }
            fullText = result;
            laidOutWidth = -1;
            if (result.isEmpty()) {
                app.error("This article has no web page to fetch");
            } else if (result.get().status() == FullText.Status.OK) {
                showFullText(result.get());
            } else {
                app.error(result.get().describe());
            }
        });
    }

    private void showFullText(FullText text) {
        showingFullText = true;
        body = HtmlText.parse(text.html() == null ? "" : text.html(), text.url());
        laidOutWidth = -1;
        scroll = 0;
        app.info("Full text (f: the feed's text)");
    }

    @Override
    public String title() {
        return article.title();
    }

    @Override
    public String position() {
        int total = Math.max(1, lines.size());
        int shownTo = Math.min(total, scroll + app.contentRows());
        return "lines " + (scroll + 1) + "-" + shownTo + "/" + total;
    }

    @Override
    public void refresh() {
        app.data().article(article.id()).ifPresent(fresh -> article = fresh);
    }

    private void layout(int columns) {
        if (columns == laidOutWidth) {
            return;
        }
        laidOutWidth = columns;
        List<HtmlText.Line> out = new ArrayList<>();
        for (String line : TerminalText.wrap(TerminalText.sanitize(article.title()), columns)) {
            out.add(new HtmlText.Line(line, true));
        }
        header(out, "Source", String.join(", ", article.sources()), columns);
        header(out, "Topics", String.join(", ", article.topics()), columns);
        header(out, "Author", article.author() == null ? "" : article.author(), columns);
        header(out, "Date", article.published() == null ? "" : DATE_TIME.format(article.published().atZone(app.zone())), columns);
        header(out, "Link", article.link() == null ? "" : article.link(), columns);
        header(out, "Full text", fullText.map(ft -> showingFullText ? "shown (f: the feed's text)"
                : ft.status() == FullText.Status.OK ? "fetched (f shows it)" : ft.describe()).orElse(""), columns);
        if (!article.copies().isEmpty()) {
            header(out, "Also at", article.copies().stream().map(StoryCopy::source).collect(Collectors.joining(", "))
                    + "  (c opens)", columns);
        }
        List<org.tidings.model.Enclosure> enclosures = article.enclosures();
        for (int i = 0; i < enclosures.size(); i++) {
            header(out, "Media", describe(i, enclosures.get(i)) + (i == 0 ? "  (e opens)" : ""), columns);
        }
        out.add(new HtmlText.Line("", false));
        out.addAll(body.lines(columns));
        lines = List.copyOf(out);
    }

    /** {@code [1] audio/mpeg, 11.8 MB: https://…/episode.mp3} */
    static String describe(int index, org.tidings.model.Enclosure enclosure) {
        String type = enclosure.type() == null || enclosure.type().isBlank() ? "type unknown" : enclosure.type().strip();
        return "[" + (index + 1) + "] " + type + ", " + size(enclosure.length()) + ": " + enclosure.url();
    }

    static String size(@Nullable Long bytes) {
        if (bytes == null || bytes <= 0) {
            return "size unknown";
        }
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }

    private void openNextEnclosure() {
        List<org.tidings.model.Enclosure> enclosures = article.enclosures();
        if (enclosures.isEmpty()) {
            app.info("This article has no enclosures (podcast, video or images)");
            return;
        }
        enclosureIndex = (enclosureIndex + 1) % enclosures.size();
        app.openEnclosure(enclosures.get(enclosureIndex).url(),
                "enclosure " + (enclosureIndex + 1) + "/" + enclosures.size());
    }

    private static void header(List<HtmlText.Line> out, String label, String value, int columns) {
        if (value.isBlank()) {
            return;
        }
        String prefix = label + ": ";
        List<String> wrapped = TerminalText.wrap(TerminalText.sanitize(value), Math.max(10, columns - prefix.length()));
        for (int i = 0; i < wrapped.size(); i++) {
            out.add(new HtmlText.Line((i == 0 ? prefix : " ".repeat(prefix.length())) + wrapped.get(i), false));
        }
    }

    @Override
    public void draw(Canvas canvas, int top, int height, int columns) {
        layout(columns);
        scroll = Math.max(0, Math.min(scroll, Math.max(0, lines.size() - height)));
        for (int i = 0; i < height && scroll + i < lines.size(); i++) {
            HtmlText.Line line = lines.get(scroll + i);
            canvas.line(0, top + i, line.text(), columns, line.heading() ? Canvas.Style.BOLD : Canvas.Style.NORMAL);
        }
    }

    @Override
    public boolean handle(Action action) {
        int page = Math.max(1, app.contentRows() - 1);
        switch (action) {
            case UP -> scroll = Math.max(0, scroll - 1);
            case DOWN -> scroll = Math.min(scroll + 1, maxScroll());
            case PAGE_UP -> scroll = Math.max(0, scroll - page);
            case PAGE_DOWN -> scroll = Math.min(scroll + page, maxScroll());
            case TOP -> scroll = 0;
            case BOTTOM -> scroll = maxScroll();
            case OPEN_LINK -> app.openLink(article.link());
            case OPEN_COPY -> openNextCopy();
            case OPEN_ENCLOSURE -> openNextEnclosure();
            case FULL_TEXT -> toggleFullText();
            case TOGGLE_READ -> {
                boolean read = !article.read();
                app.data().setRead(article.id(), read);
                app.afterWrite();
                app.views().applyRead(idsOf(article), read);
                refresh();
                app.info(read ? "Marked read" : "Marked unread");
            }
            case STAR -> {
                boolean starred = !article.starred();
                app.data().setStarred(article.id(), starred);
                app.afterWrite();
                app.views().applyStarred(article.id(), starred);
                refresh();
                app.info(starred ? "Starred" : "Unstarred");
            }
            case NEXT_UNREAD, PREVIOUS_UNREAD -> {
                int step = action == Action.NEXT_UNREAD ? 1 : -1;
                if (list == null || !list.openUnreadAfter(article.id(), step)) {
                    app.info("No more unread");
                }
            }
            case RELOAD -> app.reloadFeeds(List.of(article.feedId()),
                    article.sources().isEmpty() ? "this feed" : article.sources().get(0));
            case BACK -> app.views().pop();
            default -> {
                return false;
            }
        }
        return true;
    }

    private int maxScroll() {
        return Math.max(0, lines.size() - app.contentRows());
    }

    private void openNextCopy() {
        if (article.copies().isEmpty()) {
            app.info("This story has no copies at other outlets");
            return;
        }
        copyIndex = (copyIndex + 1) % article.copies().size();
        StoryCopy copy = article.copies().get(copyIndex);
        app.data().article(copy.articleId()).ifPresentOrElse(detail -> {
            ArticleDetail shown = detail;
            if (!detail.read()) {
                app.data().setRead(detail.id(), true);
                app.afterWrite();
                app.views().applyRead(idsOf(detail), true);
                shown = app.data().article(detail.id()).orElse(detail);
            }
            app.views().push(new ArticleScreen(app, shown, list));
        }, () -> app.error("That copy is gone"));
    }

    static java.util.Set<Long> idsOf(ArticleDetail detail) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        ids.add(detail.id());
        detail.copies().forEach(copy -> ids.add(copy.articleId()));
        return ids;
    }
}
