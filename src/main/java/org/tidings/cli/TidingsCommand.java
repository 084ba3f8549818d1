package org.tidings.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jspecify.annotations.Nullable;
import org.tidings.store.DatabaseLocation;
import org.tidings.model.Messages;
import org.tidings.model.Subscription;
import org.tidings.opml.OpmlException;
import org.tidings.opml.OpmlReader;
import org.tidings.tui.ReaderApp;
import org.tidings.tui.TerminalOpening;
import org.tidings.tui.StoreReaderData;
import org.tidings.tui.SyncReloader;
import org.tidings.store.Store;
import org.tidings.store.SubscriptionLists;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code tidings}: the top-level command. Without a subcommand it opens the reader. */
@Command(
        name = "tidings",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Feed aggregator and terminal news reader.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything asked for was done",
            "1:partly done (for example some feeds failed)",
            "2:usage error or fatal error"
        })
public final class TidingsCommand implements Callable<Integer> {

    @Option(
            names = "--db",
            paramLabel = "PATH|URL",
            scope = ScopeType.INHERIT,
            description = {"SQLite database file, or a PostgreSQL database: postgresql://user[:password]@host[:port]/database",
                "(password also from $PGPASSWORD or ~/.pgpass; default: $TIDINGS_DB, else $XDG_DATA_HOME/tidings/tidings.db)."})
    @Nullable String db;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "Configuration file (default: $TIDINGS_CONFIG, else $XDG_CONFIG_HOME/tidings/config.toml).")
    @Nullable Path config;

    @Option(
            names = "--debug",
            scope = ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    @Option(
            names = "--log-file",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "Write a debug log to FILE (nothing is logged otherwise).")
    @Nullable Path logFile;

    /** The reader's terminal when Main started opening it already; null otherwise. */
    private @Nullable TerminalOpening terminal;

    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            ParseCommand.class,
            AddCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            FeedsCommand.class,
            RemoveCommand.class,
            RenameCommand.class,
            MoveCommand.class,
            ArticlesCommand.class,
            MarkCommand.class,
            SearchCommand.class,
            CleanupCommand.class,
            SyncCommand.class,
            DaemonCommand.class,
            StatusCommand.class,
            ConfigCommand.class,
            ApiUserCommand.class,
            ShowCommand.class,
            RulesCommand.class,
            DbCommand.class);

    /** The options of this command that take a value in the next argument. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--db", "--config", "--log-file");

    /** The whole command line, every subcommand included (help, tests). */
    static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line for {@code args}: picocli's model of only the subcommand they name, of none
     * when they name none (the reader), of all when they ask for help or name an unknown one
     * (whose suggestions need every name). Building the models of all twenty subcommands by
     * reflection is a quarter of a second of CPU, a third of the reader's start-up.
     */
    static CommandLine commandLine(String @Nullable [] args) {
        return commandLine(args, null);
    }

    /** As {@link #commandLine(String[])}; the reader uses {@code terminal} if given (see {@link #startReader()}). */
    static CommandLine commandLine(String @Nullable [] args, @Nullable TerminalOpening terminal) {
        TidingsCommand top = new TidingsCommand();
        top.terminal = terminal;
        CommandLine commandLine = new CommandLine(top);
        for (Class<?> subcommand : subcommandsFor(args)) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setExecutionStrategy(parseResult -> {
            try {
                top.configureLogging();
            } catch (IllegalStateException e) {
                PrintWriter err = commandLine.getErr();
                err.println("tidings: " + describe(e));
                err.flush();
                return ExitCodes.FATAL;
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setParameterExceptionHandler(TidingsCommand::usageError);
        commandLine.setExecutionExceptionHandler(
                (exception, cmd, parseResult) -> {
                    PrintWriter err = cmd.getErr();
                    if (top.debug) {
                        exception.printStackTrace(err);
                    }
                    err.println("tidings: " + describe(exception));
                    err.flush();
                    return ExitCodes.FATAL;
                });
        return commandLine;
    }

    /** Whether {@code args} open the reader on a terminal: no subcommand, no help or version. */
    static boolean opensReader(String[] args) {
        return subcommandsFor(args).isEmpty() && System.console() != null;
    }

    /**
     * Starts the reader's slow parts that need neither the options nor the database, each on a
     * thread of its own: the terminal's set-up, and SQLite's library and Jdbi's one-time set-up
     * (on a PostgreSQL database only the Jdbi part pays off). Close the result when the command
     * is done.
     */
    static TerminalOpening startReader() {
        Store.warmUpInBackground();
        return TerminalOpening.start();
    }

    static List<Class<?>> subcommandsFor(String @Nullable [] args) {
        if (args == null) {
            return SUBCOMMANDS;
        }
        String word = null;
        boolean value = false;
        for (String arg : args) {
            if (value) {
                value = false;
            } else if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return SUBCOMMANDS;
            } else if (OPTIONS_WITH_VALUE.contains(arg)) {
                value = true;
            } else if (!arg.startsWith("-")) {
                word = arg;
                break;
            }
        }
        if (word == null) {
            return List.of();
        }
        for (Class<?> subcommand : SUBCOMMANDS) {
            Command command = subcommand.getAnnotation(Command.class);
            if (command.name().equals(word) || Arrays.asList(command.aliases()).contains(word)) {
                return List.of(subcommand);
            }
        }
        return SUBCOMMANDS;
    }

    /**
     * A usage error: the reason (with picocli's "did you mean" suggestions on the same line) and
     * one line pointing at the command's help, not the whole usage text.
     */
    static int usageError(CommandLine.ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        PrintWriter err = command.getErr();
        String reason = Messages.of(exception);
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            reason = (unmatched.isUnknownOption() ? "unknown option '"
                    : command.getSubcommands().isEmpty() ? "unexpected argument '" : "unknown command '") + first + "'";
            java.util.List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                reason += " (did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?)";
            }
        }
        err.println("tidings: " + reason);
        err.println("try '" + command.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCodes.FATAL;
    }

    /** One line for an error: its message, or its type when it has none. */
    static String describe(Throwable exception) {
        return Messages.of(exception);
    }

    private void configureLogging() {
        if (logFile == null) {
            return;
        }
        try {
            FileHandler handler = new FileHandler(logFile.toString(), true);
            handler.setFormatter(new SimpleFormatter());
            handler.setLevel(Level.ALL);
            Logger root = Logger.getLogger("");
            root.addHandler(handler);
            root.setLevel(Level.FINE);
        } catch (IOException e) {
            Path parent = logFile.toAbsolutePath().getParent();
            String why = parent != null && !Files.isDirectory(parent) ? "no such directory: " + parent
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : Messages.of(e);
            throw new IllegalStateException("cannot open log file " + logFile + ": " + why, e);
        }
    }

    /** The database: --db, then TIDINGS_DB, then the XDG data directory; a file or a PostgreSQL URL. */
    DatabaseLocation databaseLocation() {
        if (db != null) {
            return DatabaseLocation.parse(db);
        }
        String fromEnv = System.getenv("TIDINGS_DB");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return DatabaseLocation.parse(fromEnv);
        }
        return DatabaseLocation.sqlite(defaultDatabasePath(System.getenv()));
    }

    /** The SQLite database file; a usage error for a PostgreSQL database (for file-only commands). */
    Path databasePath() {
        DatabaseLocation location = databaseLocation();
        if (location.isPostgres()) {
            throw new IllegalArgumentException("this needs a SQLite database file, not " + location.display());
        }
        return location.file();
    }

    /** The configuration file: --config, then TIDINGS_CONFIG, then the XDG config directory. */
    Path configPath() {
        if (config != null) {
            return config;
        }
        String fromEnv = System.getenv("TIDINGS_CONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return configHome(System.getenv()).resolve("tidings").resolve("config.toml");
    }

    /**
     * The effective configuration (file, then environment overrides). The default file may be
     * missing; a file named with --config or $TIDINGS_CONFIG must exist.
     */
    Config loadConfig() throws Config.ConfigException {
        Path path = configPath();
        if (explicitConfig() && !Files.exists(path)) {
            throw new Config.ConfigException("no such configuration file: " + path
                    + (config != null ? " (--config)" : " ($TIDINGS_CONFIG)"));
        }
        return Config.load(path, System.getenv());
    }

    private boolean explicitConfig() {
        String fromEnv = System.getenv("TIDINGS_CONFIG");
        return config != null || (fromEnv != null && !fromEnv.isBlank());
    }

    private boolean explicitDatabase() {
        String fromEnv = System.getenv("TIDINGS_DB");
        return db != null || (fromEnv != null && !fromEnv.isBlank());
    }

    /**
     * Makes sure the database's directory exists: the default location is created (private to
     * the user); for a path given with --db or $TIDINGS_DB a missing directory is an error, so a
     * typo does not silently start an empty database somewhere new.
     */
    void ensureDatabaseDirectory(DatabaseLocation location) throws IOException {
        if (!location.isPostgres()) {
            ensureDatabaseDirectory(location.file());
        }
    }

    void ensureDatabaseDirectory(Path database) throws IOException {
        Path parent = database.toAbsolutePath().getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        if (explicitDatabase()) {
            throw new IllegalArgumentException("no such directory: " + parent + " (for the database "
                    + database + "); create it first");
        }
        ensureParent(database);
    }

    static Path defaultDatabasePath(Map<String, String> env) {
        String fromEnv = env.get("TIDINGS_DB");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return dataHome(env).resolve("tidings").resolve("tidings.db");
    }

    static Path dataHome(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg);
        }
        return Path.of(System.getProperty("user.home"), ".local", "share");
    }

    static Path configHome(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg);
        }
        return Path.of(System.getProperty("user.home"), ".config");
    }

    static void ensureParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            // private to the user on a shared server, as the store creates it (docs/SECURITY.md)
            if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(parent, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(parent);
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        DatabaseLocation location = databaseLocation();
        if (System.console() == null) {
            throw new IllegalStateException("the reader needs a terminal (standard input and output); see 'tidings --help' for the other commands");
        }
        // Started by Main before picocli parsed the options, when it could tell this is the reader.
        if (terminal == null) {
            terminal = startReader();
        }
        try (TerminalOpening opening = terminal; Services services = Services.open(this)) {
            importDefaults(services, System.getenv("TIDINGS_DEFAULT_OPML"));
            ReaderApp.runOn(opening.screen(),
                    new StoreReaderData(services.store, location.isPostgres() ? null : location.file(), services.clock),
                    new SyncReloader(services.store, services::syncer, services::pages),
                    System.getenv(), services.config.keyMap(), services.config.string(Config.Key.READER_PLAYER));
        }
        return ExitCodes.OK;
    }

    /**
     * On the first run (a database, SQLite or PostgreSQL, that has no feeds and never had the
     * defaults offered nor a list imported), subscribes to the default feeds of {@code path}
     * ($TIDINGS_DEFAULT_OPML, set by bin/tidings), once: an unreadable file is said in one line
     * and not offered again.
     */
    static void importDefaults(Services services, @Nullable String path) {
        SubscriptionLists lists = services.store.subscriptionLists();
        if (!lists.defaultsDue()) {
            return;
        }
        List<Subscription> defaults = List.of();
        if (path != null && !path.isBlank() && Files.isRegularFile(Path.of(path))) {
            try {
                defaults = new OpmlReader().read(Path.of(path)).subscriptions();
            } catch (IOException | OpmlException e) {
                System.err.println("tidings: could not import the default feeds from " + path + ": " + describe(e));
            }
        }
        lists.importDefaults(defaults, services.clock.instant());
    }
}
