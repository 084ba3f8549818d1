package org.tidings.tui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The in-memory fake meets the ReaderData contract (so the UI tests test against real behaviour). */
class FakeReaderDataTest extends ReaderDataContract {
    private FakeReaderData fake;
    private final Map<Long, Long> feedIds = new HashMap<>();

    @Override
    protected ReaderData create(List<SeedFeed> feeds, List<SeedArticle> articles) {
        fake = new FakeReaderData();
        for (SeedFeed feed : feeds) {
            fake.feed(feed.key() + 10, feed.title(), feed.folder());
            feedIds.put(feed.key(), feed.key() + 10);
        }
        articles.forEach(this::addFromAnotherProcess);
        return fake;
    }

    @Override
    protected void addFromAnotherProcess(SeedArticle article) {
        long id = 1000 + nextId++;
        fake.add(id, feedIds.get(article.feedKey()), article.storyKey() + 5000, article.published(), article.title(),
                article.author(), article.html(), article.link(), article.topics().toArray(String[]::new));
    }

    private long nextId;
}
