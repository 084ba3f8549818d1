package org.tidings.tui;

import java.nio.file.Path;
import org.tidings.store.DatabaseLocation;
import org.tidings.store.Store;
import org.tidings.testing.Postgres;

/**
 * The reader's data port on a PostgreSQL store meets the same contract, including seeing what
 * another process (a second store on the same database, as a sync on another machine) wrote
 * without restarting: writers' transactions send a change notice the reader listens for.
 */
class PostgresReaderDataTest extends StoreReaderDataTest {
    private String url;

    @Override
    protected Store openStore() {
        if (url == null) {
            url = Postgres.database().url();
        }
        return Store.open(DatabaseLocation.parse(url));
    }

    @Override
    protected Path watchedFile() {
        return null;
    }
}
