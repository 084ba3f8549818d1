package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

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
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Article;

/**
 * Two writer processes (one committing a feed at a time, one a whole round at once) and a reader
 * (this JVM: pages, counts, searches, marks) on one database, with a writer killed by SIGKILL and
 * restarted 0.2-1.5 s after it is up again. At the end the file, the full-text index, duplicates, read marks and
 * counters are checked.
 *
 * <p>Short in {@code mvn verify} (10 s of writing); the soak runs it longer:
 * {@code mvn -B -o test -Dtest=StressTest -Dtidings.stress.seconds=600 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StressTest {
    @TempDir Path dir;

    @Test
    void writersReaderAndKillsLeaveAHealthyDatabase() throws Exception {
        long seconds = Long.getLong("tidings.stress.seconds", 10);
        Path db = dir.resolve("tidings.db");
        Store store = Store.open(db);
        Random random = new Random(20261205);
        Processes.Child[] writers = new Processes.Child[2];
        int started = 0;
        for (int w = 0; w < writers.length; w++) {
            writers[w] = Processes.start(db, 0, dir.resolve("writer" + started++ + ".err"), w == 1);
            assertThat(writers[w].await("round", 60_000)).as("writer %d writes", w).isTrue();
        }
        // the clock starts once both writers are writing
        Set<Long> markedRead = new HashSet<>();
        List<Throwable> readerErrors = new ArrayList<>();
        int kills = 0;
        int reads = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long nextKill = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200 + random.nextInt(1300));
        while (System.nanoTime() < end) {
            try {
                List<Article> page = store.articles().page(ArticleQuery.all().unreadOnly(), null, 30).articles();
                store.counts().unreadByFeed();
                store.counts().unreadByFolder();
                store.articles().page(ArticleQuery.all().matching("words"), null, 20);
                store.articles().page(ArticleQuery.all().matching("updated"), null, 20);
                if (!page.isEmpty()) {
                    long id = page.get(random.nextInt(page.size())).id();
                    store.articles().mark(List.of(id), Mark.READ, Instant.now());
                    markedRead.add(id);
                }
                reads++;
            } catch (RuntimeException e) {
                readerErrors.add(e);
            }
            if (System.nanoTime() > nextKill) {
                int w = random.nextInt(writers.length);
                writers[w].process().destroyForcibly();
                writers[w].process().waitFor();
                kills++;
                assertThat(Files.readString(writers[w].stderr())).as("writer %d", w).doesNotContain("Exception");
                writers[w] = Processes.start(db, 0, dir.resolve("writer" + started++ + ".err"), w == 1);
                assertThat(writers[w].await("ready", 60_000)).as("writer %d restarted", w).isTrue();
                nextKill = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200 + random.nextInt(1300));
            }
            Thread.sleep(random.nextInt(10));
        }
        for (Processes.Child writer : writers) {
            writer.process().destroyForcibly();
            writer.process().waitFor();
        }
        store.close();

        Store reopened = Store.open(db);
        var jdbi = reopened.jdbi();
        int articles = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM articles").mapTo(Integer.class).one());
        System.out.printf("stress: %d s, %d kills, %d reader passes, %d articles, %d marked read%n",
                seconds, kills, reads, articles, markedRead.size());
        assertThat(readerErrors).as("reader errors").isEmpty();
        assertThat(kills).isPositive();
        assertThat(articles).as("articles written").isPositive();
        assertThat(reopened.integrityCheck()).isEqualTo("ok");
        assertThatCode(() -> jdbi.useHandle(h -> h.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")))
                .as("FTS5 integrity-check").doesNotThrowAnyException();
        List<String> duplicates = jdbi.withHandle(h -> h.createQuery("SELECT link FROM articles GROUP BY link HAVING count(*) > 1")
                .mapTo(String.class).list());
        assertThat(duplicates).as("articles stored twice").isEmpty();
        List<Long> lostRead = new ArrayList<>();
        for (long id : markedRead) {
            if (!reopened.articles().article(id).orElseThrow().read()) {
                lostRead.add(id);
            }
        }
        assertThat(lostRead).as("read marks lost").isEmpty();
        List<Long> drifted = jdbi.withHandle(h -> h.createQuery("""
                        SELECT f.id FROM feeds f
                         WHERE f.unread <> (SELECT count(*) FROM appearances p JOIN articles a ON a.id = p.article_id
                                             WHERE p.feed_id = f.id AND a.read = 0)
                            OR f.total <> (SELECT count(*) FROM appearances p WHERE p.feed_id = f.id)""")
                .mapTo(Long.class).list());
        assertThat(drifted).as("feeds whose counters drifted").isEmpty();
        reopened.close();
    }
}
