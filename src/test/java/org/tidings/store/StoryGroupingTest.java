package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidings.store.Feeds.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Article;
import org.tidings.model.Entry;
import org.tidings.model.Subscription;

/**
 * Near-duplicate story detection measured on a labelled set (fixtures/stories/labelled-stories.json):
 * copies of one story at different outlets (small edits, different headline case, quotes and
 * dashes, added intros and source lines) and tricky different stories (similar headlines,
 * template stories a day apart, different stories sharing a wire boilerplate). Every pair of
 * articles is scored: a pair is positive when both carry the same label.
 */
class StoryGroupingTest {
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    /** Floors; docs/DEDUP.md records the measured figures. */
    static final double MIN_PRECISION = 0.95;
    static final double MIN_RECALL = 0.90;

    @TempDir Path dir;

    record Labelled(int id, String story, String site, String title, String text) {}

    record Score(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
        double precision() {
            return truePositives / (double) (truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) (truePositives + falseNegatives);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "precision %.3f, recall %.3f (TP %d, FP %d, FN %d, TN %d)",
                    precision(), recall(), truePositives, falsePositives, falseNegatives, trueNegatives);
        }
    }

    static List<Labelled> labelled() throws IOException {
        try (InputStream in = StoryGroupingTest.class.getResourceAsStream("/fixtures/stories/labelled-stories.json")) {
            JsonNode root = new ObjectMapper().readTree(Objects.requireNonNull(in));
            List<Labelled> articles = new ArrayList<>();
            for (JsonNode node : root.get("articles")) {
                articles.add(new Labelled(node.get("id").asInt(), node.get("story").asText(), node.get("site").asText(),
                        node.get("title").asText(), node.get("text").asText()));
            }
            return articles;
        }
    }

    static Score score(List<Labelled> articles, java.util.function.BiPredicate<Labelled, Labelled> same) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i = 0; i < articles.size(); i++) {
            for (int j = i + 1; j < articles.size(); j++) {
                boolean truth = articles.get(i).story().equals(articles.get(j).story());
                boolean predicted = same.test(articles.get(i), articles.get(j));
                if (truth && predicted) {
                    tp++;
                } else if (predicted) {
                    fp++;
                } else if (truth) {
                    fn++;
                } else {
                    tn++;
                }
            }
        }
        return new Score(tp, fp, fn, tn);
    }

    @Test
    void pairwiseDecisionMeetsPrecisionAndRecallFloors() throws IOException {
        List<Labelled> articles = labelled();
        Map<Integer, StoryFingerprint> prints = new HashMap<>();
        for (Labelled article : articles) {
            prints.put(article.id(), StoryFingerprint.of(article.title(), article.text(), article.site()));
        }

        Score score = score(articles, (a, b) -> prints.get(a.id()).sameStory(prints.get(b.id())));

        System.out.println("story pairs, pairwise decision: " + score);
        double minTrue = 1;
        double maxFalse = 0;
        for (int i = 0; i < articles.size(); i++) {
            for (int j = i + 1; j < articles.size(); j++) {
                double body = prints.get(articles.get(i).id()).bodySimilarity(prints.get(articles.get(j).id()));
                if (articles.get(i).story().equals(articles.get(j).story())) {
                    minTrue = Math.min(minTrue, body);
                } else {
                    maxFalse = Math.max(maxFalse, body);
                }
            }
        }
        System.out.printf(java.util.Locale.ROOT, "body similarity: lowest of copies %.2f, highest of different stories %.2f%n",
                minTrue, maxFalse);
        assertThat(score.precision()).as(score.toString()).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(score.recall()).as(score.toString()).isGreaterThanOrEqualTo(MIN_RECALL);
    }

    @Test
    void storeGroupsCopiesIntoStoriesMeetingTheFloors() throws IOException {
        List<Labelled> articles = labelled();
        Store store = Store.open(dir.resolve("tidings.db"));
        Map<String, Long> feedOfSite = new HashMap<>();
        Map<Long, Labelled> byArticleId = new HashMap<>();
        for (Labelled article : articles) {
            long feedId = feedOfSite.computeIfAbsent(article.site(),
                    site -> store.feeds().add(Subscription.of("https://" + site + "/feed"), NOW).feed().id());
            Entry entry = new Entry("https://" + article.site() + "/story/" + article.id(),
                    "https://" + article.site() + "/story/" + article.id(), article.title(), NOW.minusSeconds(article.id()),
                    null, null, List.of(), List.of(), List.of(), "<p>" + article.text() + "</p>", null, null);
            IngestResult result = store.ingest(feedId, feed(article.site(), "https://" + article.site() + "/", entry),
                    NOW.plusSeconds(article.id()));
            byArticleId.put(result.addedIds().get(0), article);
        }
        Map<Integer, Long> storyOf = new HashMap<>();
        for (Article stored : store.articles().page(ArticleQuery.all(), null, 1000).articles()) {
            if (stored.story() != null) {
                storyOf.put(byArticleId.get(stored.id()).id(), stored.story());
            }
        }

        Score score = score(articles, (a, b) -> storyOf.containsKey(a.id()) && Objects.equals(storyOf.get(a.id()), storyOf.get(b.id())));

        System.out.println("story pairs, stored groups: " + score);
        assertThat(score.precision()).as(score.toString()).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(score.recall()).as(score.toString()).isGreaterThanOrEqualTo(MIN_RECALL);
    }

    @Test
    void markingOneCopyReadMarksTheStory() throws IOException {
        Store store = Store.open(dir.resolve("tidings.db"));
        long a = store.feeds().add(Subscription.of("https://en.people.cn/feed"), NOW).feed().id();
        long b = store.feeds().add(Subscription.of("https://nigerianews24.com.ng/feed/"), NOW).feed().id();
        List<Labelled> copies = labelled().stream().filter(x -> x.story().equals("trade-forum")).toList();
        long first = store.ingest(a, feed("PD", null, entry(copies.get(0))), NOW).addedIds().get(0);
        long second = store.ingest(b, feed("NN", null, entry(copies.get(1))), NOW).addedIds().get(0);

        Article article = store.articles().article(second).orElseThrow();
        assertThat(article.story()).isNotNull().isEqualTo(store.articles().article(first).orElseThrow().story());
        assertThat(store.articles().mark(List.of(first), Mark.READ, NOW)).isEqualTo(2);
        assertThat(store.articles().article(second).orElseThrow().read()).isTrue();
        assertThat(store.articles().page(ArticleQuery.all().inStory(article.story()), null, 10).articles()).hasSize(2);
    }

    @Test
    void newCopyOfAReadStoryArrivesRead() throws IOException {
        Store store = Store.open(dir.resolve("tidings.db"));
        long a = store.feeds().add(Subscription.of("https://en.people.cn/feed"), NOW).feed().id();
        long b = store.feeds().add(Subscription.of("https://nigerianews24.com.ng/feed/"), NOW).feed().id();
        List<Labelled> copies = labelled().stream().filter(x -> x.story().equals("trade-forum")).toList();
        long first = store.ingest(a, feed("PD", null, entry(copies.get(0))), NOW).addedIds().get(0);
        store.articles().mark(List.of(first), Mark.READ, NOW);

        long second = store.ingest(b, feed("NN", null, entry(copies.get(1))), NOW).addedIds().get(0);

        assertThat(store.articles().article(second).orElseThrow().read()).isTrue();
        assertThat(store.articles().unreadTotal()).isZero();
    }

    @Test
    void storyCopiesAreMarkedAloneWhenConfiguredSo() throws IOException {
        Store store = Store.open(dir.resolve("tidings.db"), StoreOptions.DEFAULTS.withMarkStoryCopies(false));
        long a = store.feeds().add(Subscription.of("https://en.people.cn/feed"), NOW).feed().id();
        long b = store.feeds().add(Subscription.of("https://nigerianews24.com.ng/feed/"), NOW).feed().id();
        List<Labelled> copies = labelled().stream().filter(x -> x.story().equals("trade-forum")).toList();
        long first = store.ingest(a, feed("PD", null, entry(copies.get(0))), NOW).addedIds().get(0);
        long second = store.ingest(b, feed("NN", null, entry(copies.get(1))), NOW).addedIds().get(0);

        assertThat(store.articles().mark(List.of(first), Mark.READ, NOW)).isEqualTo(1);
        assertThat(store.articles().article(second).orElseThrow().read()).isFalse();
    }

    private static Entry entry(Labelled article) {
        String link = "https://" + article.site() + "/story/" + article.id();
        return new Entry(link, link, article.title(), NOW, null, null, List.of(), List.of(), List.of(),
                "<p>" + article.text() + "</p>", null, null);
    }
}
