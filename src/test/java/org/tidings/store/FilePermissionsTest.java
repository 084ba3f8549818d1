package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Subscription;

/** On a shared server the database is private to its user (docs/SECURITY.md). */
@EnabledOnOs({OS.LINUX, OS.MAC})
class FilePermissionsTest {
    @TempDir Path dir;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewDatabaseAndTheDirectoriesCreatedForItArePrivate() throws Exception {
        Path db = dir.resolve("share/tidings/tidings.db");

        Store store = Store.open(db);
        store.feeds().add(Subscription.of("https://a.example/feed"), Instant.parse("2026-11-27T08:00:00Z"));

        assertThat(mode(dir.resolve("share"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("share/tidings"))).isEqualTo("rwx------");
        assertThat(mode(db)).isEqualTo("rw-------");
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path companion = Path.of(db + suffix);
            if (Files.exists(companion)) {
                assertThat(mode(companion)).as(suffix).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void anExistingDirectoryAndDatabaseKeepTheirModes() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-x---"));
        Path db = shared.resolve("tidings.db");
        Files.createFile(db);
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r-----"));

        Store.open(db).integrityCheck();

        assertThat(mode(shared)).isEqualTo("rwxr-x---");
        assertThat(mode(db)).isEqualTo("rw-r-----");
    }
}
