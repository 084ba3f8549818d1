package org.tidings.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, loaded from a copy kept between runs. On every start sqlite-jdbc runs
 * {@code uname} to learn the platform, copies its library out of the jar into the temporary
 * directory under a new name and compares the copy byte by byte: about a tenth of a second of CPU
 * of the reader's start-up. Given a directory in the system property {@value #DIRECTORY_PROPERTY}
 * (bin/tidings sets it), the first run keeps a copy there, one per driver version and platform,
 * and every run points the driver at it ({@code org.sqlite.lib.path} and {@code
 * org.sqlite.lib.name}), which loads it directly. Without the property, or when the copy cannot be
 * made, the driver does what it always does.
 */
final class SqliteLibrary {
    /** The system property naming the directory for the kept copies. */
    static final String DIRECTORY_PROPERTY = "tidings.nativeDir";
    private static final System.Logger LOG = System.getLogger(SqliteLibrary.class.getName());
    private static boolean prepared;

    private SqliteLibrary() {}

    /**
     * Before the driver first loads: points it at the kept copy (making it first if missing) when
     * {@value #DIRECTORY_PROPERTY} is set and the user did not choose a library themselves. Only
     * the first call does anything; a call made meanwhile on another thread waits for it.
     */
    static synchronized void useKeptCopy() {
        if (prepared) {
            return;
        }
        prepared = true;
        String directory = System.getProperty(DIRECTORY_PROPERTY, "");
        if (directory.isBlank() || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        try {
            keptCopy(Path.of(directory)).ifPresent(file -> {
                System.setProperty("org.sqlite.lib.path", file.getParent().toString());
                System.setProperty("org.sqlite.lib.name", file.getFileName().toString());
            });
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "SQLite library not kept in " + directory + ": " + e);
        }
    }

    /**
     * This driver's library for this platform in {@code directory}, copied there from the jar
     * first if it is not there yet (written under a temporary name and moved into place, so a
     * concurrent run never loads half a file); empty when the driver's version is unknown.
     */
    static Optional<Path> keptCopy(Path directory) throws IOException {
        String version = SQLiteJDBCLoader.getVersion();
        if (version == null || version.isBlank() || version.equals("unknown")) {
            return Optional.empty();
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        Path folder = directory.resolve(safe("sqlite-jdbc-" + version + "-" + System.getProperty("os.name")
                + "-" + System.getProperty("os.arch")));
        Path file = folder.resolve(name);
        if (Files.isRegularFile(file) && Files.size(file) > 0) {
            return Optional.of(file);
        }
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        try (InputStream library = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (library == null) {
                return Optional.empty();
            }
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, name, ".partial");
            try {
                Files.copy(library, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        return Optional.of(file);
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
    }
}
