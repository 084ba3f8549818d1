package org.tidings.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Where the database is: a SQLite file, or a PostgreSQL database given as a libpq-style URL
 * {@code postgresql://user[:password]@host[:port]/database[?param=value...]} ({@code postgres://}
 * and {@code jdbc:postgresql://...} too). The password comes from the URL, else {@code
 * PGPASSWORD}, else pgJDBC reads {@code ~/.pgpass} ({@code PGPASSFILE}) itself. {@link #display()}
 * and {@link #toString()} never contain the password: use them in every message.
 *
 * @param file the SQLite file; null for PostgreSQL
 * @param user the PostgreSQL user (default: the system user name, as libpq)
 * @param password null when none was given (then {@code .pgpass} is consulted)
 * @param parameters other URL parameters passed to the driver (such as {@code sslmode})
 */
public record DatabaseLocation(@Nullable Path file, @Nullable String host, int port, @Nullable String database,
        @Nullable String user, @Nullable String password, Map<String, String> parameters) {
    public static final int DEFAULT_PORT = 5432;

    public DatabaseLocation {
        parameters = Map.copyOf(parameters);
        if (file == null && (host == null || database == null)) {
            throw new IllegalArgumentException("a database location needs a file or a host and a database");
        }
    }

    public static DatabaseLocation sqlite(Path file) {
        return new DatabaseLocation(Objects.requireNonNull(file, "file"), null, 0, null, null, null, Map.of());
    }

    /** A SQLite path or a PostgreSQL URL, the password falling back to {@code PGPASSWORD}. */
    public static DatabaseLocation parse(String dbOption) {
        return parse(dbOption, System.getenv());
    }

    /**
     * {@link #parse(String)} with the environment given. Throws IllegalArgumentException with a
     * one-line message (without the password) for a malformed URL.
     */
    public static DatabaseLocation parse(String dbOption, Map<String, String> environment) {
        Objects.requireNonNull(dbOption, "dbOption");
        String rest = postgresRest(dbOption);
        if (rest == null) {
            return sqlite(Path.of(dbOption));
        }
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : decode(rest.substring(slash + 1));
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            switch (name) {
                case "user" -> user = value;
                case "password" -> password = value;
                case "dbname" -> database = value;
                default -> parameters.put(name, value);
            }
        }
        String host = authority;
        int port = DEFAULT_PORT;
        int portColon = authority.lastIndexOf(':');
        if (portColon >= 0 && portColon > authority.lastIndexOf(']')) {
            host = authority.substring(0, portColon);
            String portText = authority.substring(portColon + 1);
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("bad port \"" + portText + "\" in the database URL " + redacted(dbOption, password));
            }
        }
        if (host.isEmpty()) {
            host = "localhost";
        }
        if (database.isEmpty()) {
            throw new IllegalArgumentException("no database name in the database URL " + redacted(dbOption, password)
                    + " (postgresql://user@host:port/database)");
        }
        if (user == null || user.isEmpty()) {
            user = System.getProperty("user.name");
        }
        if (password == null) {
            String fromEnvironment = environment.get("PGPASSWORD");
            password = fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
        }
        return new DatabaseLocation(null, host, port, database, user, password, parameters);
    }

    /** The part after {@code scheme://} of a PostgreSQL URL; null for anything else (a file). */
    private static @Nullable String postgresRest(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"jdbc:postgresql://", "postgresql://", "postgres://"}) {
            if (lower.startsWith(scheme)) {
                return text.substring(scheme.length());
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** The text given, its password (if any) replaced, for messages about a malformed URL. */
    private static String redacted(String text, @Nullable String password) {
        String masked = text.replaceFirst("(://[^:@/]*:)[^@/]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
        return password == null || password.isEmpty() ? masked : masked.replace(password, "***");
    }

    public boolean isPostgres() {
        return file == null;
    }

    /** The SQLite file; throws IllegalStateException for a PostgreSQL location. */
    @Override
    public Path file() {
        if (file == null) {
            throw new IllegalStateException("not a SQLite file: " + display());
        }
        return file;
    }

    /** The pgJDBC URL, without user and password (those go as connection properties). */
    public String jdbcUrl() {
        if (!isPostgres()) {
            return "jdbc:sqlite:" + file().toAbsolutePath();
        }
        String query = parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return "jdbc:postgresql://" + hostAndPort() + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8)
                + (query.isEmpty() ? "" : "?" + query);
    }

    /** {@code host:port}. */
    String hostAndPort() {
        return host + ":" + port;
    }

    /** For messages: the file, or the URL without the password. */
    public String display() {
        if (!isPostgres()) {
            return file().toString();
        }
        String query = parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        return "postgresql://" + user + "@" + hostAndPort() + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    /** Replaces the password wherever it occurs in {@code text} (a driver's message, say). */
    String withoutPassword(String text) {
        return password == null || password.isEmpty() || text == null ? String.valueOf(text) : text.replace(password, "***");
    }

    @Override
    public String toString() {
        return display();
    }
}
