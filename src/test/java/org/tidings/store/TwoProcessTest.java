package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Article;

/** A reader (this JVM) and a syncing process (a child JVM) on one database at once. */
class TwoProcessTest {
    @TempDir Path dir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void readerAndSyncingProcessNeverSeeDatabaseLocked() throws Exception {
        Path db = dir.resolve("tidings.db");
        Store store = Store.open(db);
        Processes.Child child = Processes.start(db, 8, dir.resolve("child.err"));
        Random random = new Random(42);
        List<Throwable> errors = new ArrayList<>();
        int reads = 0;
        int writes = 0;
        assertThat(child.await("ready", 30_000)).as("child started").isTrue();
        while (child.process().isAlive()) {
            try {
                List<Article> page = store.articles().page(ArticleQuery.all().unreadOnly(), null, 50).articles();
                store.counts().unreadByFeed();
                store.counts().unreadByTopic();
                store.counts().unreadByFolder();
                store.articles().page(ArticleQuery.all().matching("words"), null, 20);
                reads++;
                if (!page.isEmpty()) {
                    store.articles().mark(List.of(page.get(random.nextInt(page.size())).id()), Mark.READ, Instant.now());
                    if (random.nextInt(10) == 0) {
                        store.articles().markAll(ArticleQuery.all().inTopic("Topic 3"), Mark.READ, Instant.now());
                    }
                    writes++;
                }
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }
        assertThat(child.process().waitFor()).as(Files.readString(child.stderr())).isZero();
        assertThat(Files.readString(child.stderr())).doesNotContain("locked").doesNotContain("BUSY");
        assertThat(errors).isEmpty();
        assertThat(reads).isPositive();
        assertThat(writes).isPositive();
        assertThat(store.integrityCheck()).isEqualTo("ok");
    }
}
