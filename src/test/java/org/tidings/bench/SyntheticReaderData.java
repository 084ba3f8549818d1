package org.tidings.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.tidings.tui.ArticleDetail;
import org.tidings.tui.ArticlePage;
import org.tidings.tui.ArticleRow;
import org.tidings.tui.PageCursor;
import org.tidings.tui.ReaderData;
import org.tidings.tui.Selection;
import org.tidings.tui.SourcesOverview;
import org.tidings.tui.TopicCount;

/**
 * A ReaderData over N synthetic articles in 50 feeds whose rows are computed from their index, so
 * a benchmark measures the reader's own cost (what it asks for and draws), not a store's.
 */
public final class SyntheticReaderData implements ReaderData {
    private static final int FEEDS = 50;
    private static final Instant NEWEST = Instant.parse("2026-11-27T00:00:00Z");

    private final int articles;
    private long version = 1;

    public SyntheticReaderData(int articles) {
        this.articles = articles;
    }

    @Override
    public SourcesOverview sources() {
        List<SourcesOverview.FeedNode> feeds = IntStream.range(0, FEEDS)
                .mapToObj(f -> new SourcesOverview.FeedNode(f, "Feed " + f, articles / FEEDS * 2 / 3, null))
                .toList();
        return new SourcesOverview(articles * 2 / 3, 0, List.of(new SourcesOverview.FolderNode("News", articles * 2 / 3, feeds)),
                List.of());
    }

    @Override
    public List<TopicCount> topics() {
        return IntStream.range(0, 200).mapToObj(t -> new TopicCount("Topic " + t, articles / 200)).toList();
    }

    @Override
    public ArticlePage articles(Selection selection, boolean unreadOnly, Optional<PageCursor> after, int limit) {
        int start = after.map(cursor -> Integer.parseInt(cursor.value())).orElse(0);
        int end = Math.min(articles, start + limit);
        List<ArticleRow> rows = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            rows.add(new ArticleRow(articles - i, i % FEEDS, NEWEST.minusSeconds(30L * i), "Feed " + (i % FEEDS),
                    "Story number " + (articles - i) + " about something newsworthy", false, false, List.of()));
        }
        return new ArticlePage(rows, end < articles ? Optional.of(new PageCursor(String.valueOf(end))) : Optional.empty());
    }

    @Override
    public Optional<ArticleDetail> article(long articleId) {
        return Optional.of(new ArticleDetail(articleId, articleId % FEEDS, "Story number " + articleId,
                List.of("Feed " + articleId % FEEDS), List.of("Topic 1"), "Reporter", NEWEST,
                "<p>" + "Lorem ipsum dolor sit amet. ".repeat(40) + "</p>", "https://example.org/" + articleId, false,
                false, List.of()));
    }

    @Override
    public void setRead(long articleId, boolean read) {
        version++;
    }

    @Override
    public int markAllRead(Selection selection) {
        version++;
        return 0;
    }

    @Override
    public void setStarred(long articleId, boolean starred) {
        version++;
    }

    @Override
    public long dataVersion() {
        return version;
    }
}
