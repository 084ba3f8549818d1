package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteLibraryTest {
    @TempDir
    Path dir;

    @Test
    void keepsOneCopyOfTheDriversLibraryPerVersionAndPlatform() throws IOException {
        Path kept = SqliteLibrary.keptCopy(dir).orElseThrow();

        assertThat(kept).startsWith(dir).hasFileName(LibraryLoaderUtil.getNativeLibName());
        assertThat(kept.getParent().getFileName().toString()).startsWith("sqlite-jdbc-3.");
        try (InputStream jar = SqliteLibrary.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
            assertThat(Files.readAllBytes(kept)).isEqualTo(jar.readAllBytes());
        }
        try (Stream<Path> files = Files.list(kept.getParent())) {
            assertThat(files).containsExactly(kept); // no partial file left behind
        }
    }

    @Test
    void aKeptCopyIsUsedAsItIs() throws IOException {
        Path kept = SqliteLibrary.keptCopy(dir).orElseThrow();
        FileTime written = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(kept, written);

        assertThat(SqliteLibrary.keptCopy(dir)).contains(kept);
        assertThat(Files.getLastModifiedTime(kept)).isEqualTo(written);
    }

    /**
     * In a fresh JVM (the driver loads once per process): with the directory set, the store opens
     * and works on the kept copy, and nothing is extracted into the temporary directory.
     */
    @Test
    void aStoreOpensOnTheKeptCopyWithoutExtractingTheLibraryAgain() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path natives = dir.resolve("native");
        for (int run = 1; run <= 2; run++) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path out = dir.resolve("out" + run + ".txt");
            Process child = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Djava.io.tmpdir=" + tmp, "-D" + SqliteLibrary.DIRECTORY_PROPERTY + "=" + natives,
                    "-cp", System.getProperty("java.class.path"), OpenOnce.class.getName(), dir.resolve("kept.db").toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(Files.readString(out)).isZero();
            assertThat(Files.readString(out, StandardCharsets.UTF_8).strip())
                    .isEqualTo("library " + SqliteLibrary.keptCopy(natives).orElseThrow().getParent()
                            + ", schema ok, files in the temporary directory: []");
        }
    }

    /**
     * The child of the test above: opens a store and says where SQLite's library came from and
     * what is in the temporary directory while it runs (the driver deletes its extracted copy on
     * exit).
     */
    static final class OpenOnce {
        public static void main(String[] args) throws IOException {
            try (Store store = Store.open(Path.of(args[0]));
                    Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                System.out.println("library " + System.getProperty("org.sqlite.lib.path") + ", schema "
                        + (store.schemaVersion() > 0 ? "ok" : "missing") + ", files in the temporary directory: "
                        + files.map(file -> file.getFileName().toString()).sorted().toList());
            }
        }
    }
}
