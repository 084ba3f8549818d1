package org.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.store.Store;

class SyncReloaderTest {
    @TempDir Path dir;

    @Test
    void buildsTheSyncerOnlyWhenAFeedIsReloaded() {
        try (Store store = Store.open(dir.resolve("tidings.db"))) {
            AtomicInteger built = new AtomicInteger();
            SyncReloader reloader = new SyncReloader(store, () -> {
                built.incrementAndGet();
                throw new IllegalStateException("no syncer in this test");
            });

            Reloader.Result result = reloader.reloadFeed(42, (done, total, feed) -> { });

            assertThat(result).isEqualTo(new Reloader.Result(0, 0, 0, Optional.of("no such feed: 42")));
            assertThat(built).hasValue(0);
        }
    }
}
