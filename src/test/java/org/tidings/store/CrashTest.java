package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Article;

/**
 * Kills a syncing process with SIGKILL ({@link Process#destroyForcibly()}) at random points,
 * ten times, while this process marks articles read; then checks the file, duplicates, read state
 * and the unread counters.
 */
class CrashTest {
    static final int KILLS = 10;

    @TempDir Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void survivesSigkillAtRandomPoints() throws Exception {
        Path db = dir.resolve("tidings.db");
        Store store = Store.open(db);
        Random random = new Random(20261120);
        Set<Long> markedRead = new HashSet<>();
        int rounds = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Processes.Child child = Processes.start(db, 0, dir.resolve("child" + kill + ".err"));
            assertThat(child.await("ready", 30_000)).as("child %d started", kill).isTrue();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100 + random.nextInt(900));
            while (System.nanoTime() < until) {
                List<Article> page = store.articles().page(ArticleQuery.all().unreadOnly(), null, 20).articles();
                if (!page.isEmpty()) {
                    long id = page.get(random.nextInt(page.size())).id();
                    store.articles().mark(List.of(id), Mark.READ, Instant.now());
                    markedRead.add(id);
                }
                Thread.sleep(random.nextInt(20));
            }
            child.process().destroyForcibly();
            child.process().waitFor();
            rounds += (int) child.lines().stream().filter(line -> line.startsWith("round")).count();
            assertThat(Files.readString(child.stderr())).doesNotContain("locked");
        }

        Store reopened = Store.open(db);
        assertThat(reopened.integrityCheck()).isEqualTo("ok");
        assertThat(rounds).as("rounds completed by the children").isPositive();
        var jdbi = reopened.jdbi();
        List<String> duplicateLinks = jdbi.withHandle(h -> h.createQuery(
                "SELECT link FROM articles GROUP BY link HAVING count(*) > 1").mapTo(String.class).list());
        assertThat(duplicateLinks).as("articles stored twice").isEmpty();
        List<Long> lostRead = new ArrayList<>();
        for (long id : markedRead) {
            if (!reopened.articles().article(id).orElseThrow().read()) {
                lostRead.add(id);
            }
        }
        assertThat(lostRead).as("read marks lost").isEmpty();
        List<String> driftedCounters = jdbi.withHandle(h -> h.createQuery("""
                        SELECT f.id FROM feeds f
                         WHERE f.unread <> (SELECT count(*) FROM appearances p JOIN articles a ON a.id = p.article_id
                                             WHERE p.feed_id = f.id AND a.read = 0)
                            OR f.total <> (SELECT count(*) FROM appearances p WHERE p.feed_id = f.id)
                        UNION ALL
                        SELECT 'article ' || a.id FROM articles a
                         WHERE a.feed_count <> (SELECT count(*) FROM appearances p WHERE p.article_id = a.id)""")
                .mapTo(String.class).list());
        assertThat(driftedCounters).as("feeds whose counters drifted").isEmpty();
    }
}
