package org.tidings.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Brings a database to the newest schema: numbered scripts {@code V001__name.sql}, {@code
 * V002__...} in the dialect's folder, each applied with its version bump in one transaction. A
 * database newer than the newest script is refused.
 */
final class Migrations {
    private final Dialect dialect;
    private final ClassLoader loader;

    Migrations(Dialect dialect) {
        this.dialect = dialect;
        this.loader = Migrations.class.getClassLoader();
    }

    /** The scripts, in order; script {@code i} (0-based) moves the schema to version {@code i+1}. */
    List<String> scripts() {
        List<String> scripts = new ArrayList<>();
        // Classpath folders cannot be listed portably, so the script index names each file.
        List<String> index = read(dialect.migrationFolder() + "/index.txt").lines().map(String::strip).toList();
        for (int version = 1; ; version++) {
            String prefix = dialect.migrationFolder() + "/" + String.format(Locale.ROOT, "V%03d__", version);
            Optional<String> script = find(index, prefix);
            if (script.isEmpty()) {
                return scripts;
            }
            scripts.add(script.get());
        }
    }

    int latestVersion() {
        return scripts().size();
    }

    /** Migrates to the newest version; returns the version the database was at before. */
    int migrate(Jdbi jdbi) {
        return migrate(jdbi, latestVersion());
    }

    /** Migrates up to {@code target} (tests use this to make old databases). */
    int migrate(Jdbi jdbi, int target) {
        List<String> scripts = scripts();
        int latest = scripts.size();
        int before = jdbi.withHandle(dialect::schemaVersion);
        if (before > latest) {
            throw newerThanKnown(before, latest);
        }
        for (int version = before + 1; version <= target; version++) {
            int next = version;
            String sql = read(scripts.get(version - 1));
            jdbi.useTransaction(handle -> {
                dialect.lockForMigration(handle);
                int current = dialect.schemaVersion(handle);
                if (current > latest) {
                    throw newerThanKnown(current, latest);
                }
                if (current >= next) {
                    return; // another process migrated meanwhile
                }
                for (String statement : statements(sql)) {
                    handle.execute(statement);
                }
                dialect.setSchemaVersion(handle, next);
            });
        }
        return before;
    }

    private static StoreException newerThanKnown(int found, int latest) {
        return new StoreException("the database has schema version " + found
                + ", newer than this tidings knows (" + latest + "); use a newer tidings or another --db");
    }

    private Optional<String> find(List<String> index, String prefix) {
        for (String name : index) {
            if (!name.isEmpty() && (dialect.migrationFolder() + "/" + name).startsWith(prefix)) {
                return Optional.of(dialect.migrationFolder() + "/" + name);
            }
        }
        return Optional.empty();
    }

    private String read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Splits a script into statements: a line ending in {@code ;} ends one, except inside a
     * {@code BEGIN ... END;} block (SQLite trigger bodies) or a {@code $$ ... $$} string
     * (PostgreSQL function bodies). {@code --} comment lines are dropped.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBlock = false;
        boolean inDollars = false;
        for (String line : script.lines().toList()) {
            String trimmed = line.strip();
            if (!inDollars && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            current.append(line).append('\n');
            String upper = trimmed.toUpperCase(Locale.ROOT);
            int dollars = (line.length() - line.replace("$$", "").length()) / 2;
            if (dollars % 2 == 1) {
                inDollars = !inDollars;
            }
            if (inDollars) {
                continue;
            }
            if (upper.equals("BEGIN") || upper.endsWith(" BEGIN")) {
                inBlock = true;
            } else if (inBlock && upper.equals("END;")) {
                inBlock = false;
                statements.add(current.toString().strip());
                current.setLength(0);
            } else if (!inBlock && trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
