package org.tidings.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, one per test JVM, started on first use from the machine's
 * binaries ({@code initdb}, {@code pg_ctl}) in a temporary directory, listening on a free port of
 * 127.0.0.1 only, with password (SCRAM) authentication, and stopped when the JVM exits.
 *
 * <pre>{@code
 * Postgres.Database db = Postgres.database();   // a fresh, empty database (skips the test if none)
 * Store store = Store.open(db.url());           // postgresql://tidings:secret@127.0.0.1:port/t3
 * }</pre>
 *
 * <p>The binaries are found in {@code -Dtidings.pgBin} or {@code $TIDINGS_PG_BIN}, else the newest
 * {@code /usr/lib/postgresql/<version>/bin} (Debian's layout), else {@code pg_ctl} on the PATH.
 * PostgreSQL refuses to run as root: when the tests run as root, the server runs as the {@code
 * postgres} user through {@code runuser}. Where no PostgreSQL is installed, {@link #database()}
 * skips the calling test with one line saying how to install it, unless {@code
 * -Dtidings.requirePostgres=true} or {@code TIDINGS_REQUIRE_POSTGRES=1} (set by {@code .ci/run}), which
 * turns the skip into a failure.
 */
public final class Postgres {
    /** The superuser the tests connect as. */
    public static final String USER = "tidings";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Server server;
    private static String unavailable;

    private Postgres() {
    }

    /** A fresh empty database on the shared server; skips (or fails, when required) without one. */
    public static Database database() {
        Server running = server();
        String name = "t" + DATABASES.incrementAndGet();
        try (Connection connection = running.admin(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return new Database("127.0.0.1", running.port, name, USER, running.password);
    }

    /** The shared server (started on first call); skips or fails the test when there is none. */
    public static synchronized Server server() {
        if (server == null && unavailable == null) {
            try {
                server = Server.start();
            } catch (IOException | RuntimeException e) {
                unavailable = e.getMessage();
            }
        }
        if (server == null) {
            String why = unavailable + " (install it: apt-get install postgresql, or set -Dtidings.pgBin=DIR)";
            if (required()) {
                throw new IllegalStateException("PostgreSQL tests required (TIDINGS_REQUIRE_POSTGRES) but cannot run: " + why);
            }
            String line = "PostgreSQL tests skipped: " + why;
            System.err.println(line);
            assumeTrue(false, line);
        }
        return server;
    }

    /** CI requires the PostgreSQL tests: {@code -Dtidings.requirePostgres=true} or {@code TIDINGS_REQUIRE_POSTGRES=1}. */
    private static boolean required() {
        String env = System.getenv("TIDINGS_REQUIRE_POSTGRES");
        return Boolean.getBoolean("tidings.requirePostgres") || (env != null && !env.isBlank() && !env.equals("0"));
    }

    /** True when a server runs or can be started (without skipping anything). */
    public static synchronized boolean available() {
        if (server == null && unavailable == null) {
            try {
                server = Server.start();
            } catch (IOException | RuntimeException e) {
                unavailable = e.getMessage();
            }
        }
        return server != null;
    }

    /** One database on the test server and how to reach it. */
    public record Database(String host, int port, String name, String user, String password) {
        /** libpq-style URL with the password, as a user would pass to {@code --db}. */
        public String url() {
            return "postgresql://" + user + ":" + password + "@" + host + ":" + port + "/" + name;
        }

        /** The same URL without the password (for PGPASSWORD / ~/.pgpass tests). */
        public String urlWithoutPassword() {
            return "postgresql://" + user + "@" + host + ":" + port + "/" + name;
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        /** A plain JDBC connection, for assertions made beside the store. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), user, password);
        }
    }

    /** The running server. */
    public static final class Server {
        private final Path dir;
        private final Path bin;
        private final int port;
        private final String password;
        private final boolean asPostgresUser;

        private Server(Path dir, Path bin, int port, String password, boolean asPostgresUser) {
            this.dir = dir;
            this.bin = bin;
            this.port = port;
            this.password = password;
            this.asPostgresUser = asPostgresUser;
        }

        public int port() {
            return port;
        }

        public String password() {
            return password;
        }

        Connection admin() throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, password);
        }

        /**
         * Stops the server at once ({@code pg_ctl stop -m immediate}), as when it crashes or its
         * machine goes away; {@link #restart()} starts it again on the same port.
         */
        public synchronized void stopNow() {
            asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        }

        /** Starts the server again after {@link #stopNow()}. */
        public synchronized void restart() {
            startServer(bin, dir, port, asPostgresUser);
        }

        static Server start() throws IOException {
            Path bin = findBin().orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries (initdb, pg_ctl) found"));
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root && !userExists("postgres")) {
                throw new IllegalStateException("running as root and there is no 'postgres' user to run PostgreSQL as");
            }
            Path dir = Files.createTempDirectory("tidings-pg-");
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
            Path pwfile = dir.resolve("pw");
            Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
            if (root) {
                run(List.of("chown", "-R", "postgres", dir.toString()));
            }
            List<String> initdb = List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                    "-U", USER, "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            run(root ? asPostgres(initdb) : initdb);
            int port = freePort();
            startServer(bin, dir, port, root);
            Server started = new Server(dir, bin, port, password, root);
            Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown, "postgres-stop"));
            return started;
        }

        private static void startServer(Path bin, Path dir, int port, boolean root) {
            String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                    + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            List<String> start = List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                    "-o", options, "-l", dir.resolve("log").toString(), "-w", "-t", "60", "start");
            run(root ? asPostgres(start) : start);
        }

        private void shutdown() {
            try {
                asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
            } catch (RuntimeException e) {
                // already stopped
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temp dir left behind
            }
        }

        private void asOwner(List<String> command) {
            run(asPostgresUser ? asPostgres(command) : command);
        }

        private static List<String> asPostgres(List<String> command) {
            List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
            wrapped.addAll(command);
            return wrapped;
        }

        private static void run(List<String> command) {
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                byte[] output = process.getInputStream().readAllBytes();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command.get(0) + " timed out");
                }
                if (process.exitValue() != 0) {
                    String text = new String(output, StandardCharsets.UTF_8).strip();
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + text);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        private static boolean userExists(String user) {
            try {
                Process process = new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                return process.waitFor() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }

        private static Optional<Path> findBin() {
            String configured = System.getProperty("tidings.pgBin", System.getenv("TIDINGS_PG_BIN"));
            if (configured != null && !configured.isBlank()) {
                return Optional.of(Path.of(configured)).filter(Server::hasBinaries);
            }
            Path debian = Path.of("/usr/lib/postgresql");
            if (Files.isDirectory(debian)) {
                try (Stream<Path> versions = Files.list(debian)) {
                    Optional<Path> newest = versions.map(v -> v.resolve("bin")).filter(Server::hasBinaries)
                            .max(Comparator.comparing(p -> versionOf(p.getParent().getFileName().toString())));
                    if (newest.isPresent()) {
                        return newest;
                    }
                } catch (IOException e) {
                    // fall through to PATH
                }
            }
            for (String dirName : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!dirName.isEmpty() && hasBinaries(Path.of(dirName))) {
                    return Optional.of(Path.of(dirName));
                }
            }
            return Optional.empty();
        }

        private static int versionOf(String name) {
            try {
                return Integer.parseInt(name.replaceAll("\\..*", ""));
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        private static boolean hasBinaries(Path dir) {
            return Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"));
        }
    }
}
