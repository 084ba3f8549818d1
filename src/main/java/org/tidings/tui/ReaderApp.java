package org.tidings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.tidings.model.FullText;
import org.tidings.model.Messages;

/**
 * The terminal reader. {@link #run()} draws, reads keys and returns when the user quits. All UI
 * state lives on the thread that calls {@link #run()} (or {@link #start()} and {@link #step()});
 * reloads run on a background executor and hand their progress and results back through a queue,
 * so the screen never waits for the network.
 *
 * <p>This class runs the loop and turns keys into actions; beside it, {@link ViewStack} holds
 * the open views, {@link
 * ReaderFrame} draws the header, status and message lines around the view, {@link
 * BackgroundWork} runs reloads and full-text fetches, and {@link ExternalLinks} opens links and
 * enclosures.
 */
public final class ReaderApp {
    private static final System.Logger LOG = System.getLogger(ReaderApp.class.getName());
    private static final long IDLE_SLEEP_MILLIS = 20;

    private final ReaderData data;
    private final Screen screen;
    private final KeyMap keys;
    private final InstantSource clock;
    private final ReaderConfig config;
    private final ReaderFrame frame;
    private final BackgroundWork work;
    private final ExternalLinks links;
    private final ViewStack views = new ViewStack(this);

    private SourcesOverview sources = SourcesOverview.empty();
    private List<TopicCount> topics = List.of();
    private boolean unreadOnly = true;
    private boolean quit;
    private boolean started;
    private long knownVersion;
    private Instant nextPoll = Instant.EPOCH;

    /**
     * @param screen a Lanterna screen, not yet started (see {@link #openTerminalScreen()})
     * @param opener opens checked http(s) links (usually a {@link BrowserLauncher})
     * @param background runs reloads; one at a time is submitted
     */
    public ReaderApp(ReaderData data, Reloader reloader, Screen screen, KeyMap keys, InstantSource clock,
            ReaderConfig config, LinkOpener opener, Executor background) {
        this(data, reloader, screen, keys, clock, config, opener, background, null);
    }

    /** A reader opening links with {@code $BROWSER} and reloading on its own background thread. */
    public ReaderApp(ReaderData data, Reloader reloader, Screen screen, KeyMap keys, InstantSource clock,
            ReaderConfig config) {
        this(data, reloader, screen, keys, clock, config, new BrowserLauncher(config.browser()), null,
                BackgroundWork.reloadThread());
    }

    private ReaderApp(ReaderData data, Reloader reloader, Screen screen, KeyMap keys, InstantSource clock,
            ReaderConfig config, LinkOpener opener, @Nullable Executor background, @Nullable ExecutorService owned) {
        this.data = Objects.requireNonNull(data, "data");
        this.screen = Objects.requireNonNull(screen, "screen");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.frame = new ReaderFrame(screen, config.colour());
        this.work = new BackgroundWork(Objects.requireNonNull(reloader, "reloader"),
                owned != null ? owned : Objects.requireNonNull(background, "background"), owned, frame);
        this.links = new ExternalLinks(Objects.requireNonNull(opener, "opener"), config.player(), frame);
    }

    /**
     * A screen on the real terminal (UTF-8, text terminal only). On Unix-like systems the terminal
     * is a {@code UnixTerminal} that writes emoji whole (see {@link SurrogateSafeUnixTerminal});
     * elsewhere whatever {@link DefaultTerminalFactory} picks.
     */
    public static Screen openTerminalScreen() throws IOException {
        Terminal terminal;
        if (java.io.File.separatorChar == '/' && System.getenv("TERM") != null) {
            terminal = new SurrogateSafeUnixTerminal(System.in, System.out, StandardCharsets.UTF_8);
        } else {
            terminal = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                    .setForceTextTerminal(true)
                    .createTerminal();
        }
        return new TerminalScreen(terminal);
    }

    /** Runs the reader on the real terminal with settings from {@code environment}; for the CLI. */
    public static void runOnTerminal(ReaderData data, Reloader reloader, Map<String, String> environment)
            throws IOException {
        runOnTerminal(data, reloader, environment, KeyMap.newsboatDefaults(), "");
    }

    /** As {@link #runOnTerminal(ReaderData, Reloader, Map)} with the configured keys and enclosure player. */
    public static void runOnTerminal(ReaderData data, Reloader reloader, Map<String, String> environment,
            KeyMap keys, String player) throws IOException {
        runOn(openTerminalScreen(), data, reloader, environment, keys, player);
    }

    /**
     * As {@link #runOnTerminal(ReaderData, Reloader, Map, KeyMap, String)} on a screen opened
     * already (by a {@link TerminalOpening} while the store opened), not yet started.
     */
    public static void runOn(Screen screen, ReaderData data, Reloader reloader, Map<String, String> environment,
            KeyMap keys, String player) {
        new ReaderApp(data, reloader, screen, keys, InstantSource.system(),
                ReaderConfig.fromEnvironment(environment).withPlayer(player)).run();
    }

    /** Runs until the user quits, then restores the terminal. */
    public void run() {
        try {
            start();
            while (!quit) {
                if (!step()) {
                    Thread.sleep(IDLE_SLEEP_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stop();
        }
    }

    /** Starts the screen, loads the first view and draws it. */
    public void start() {
        try {
            screen.startScreen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        started = true;
        guarded(() -> {
            firstCounts();
            knownVersion = data.dataVersion();
        });
        views.start();
        nextPoll = clock.instant().plus(config.pollInterval());
        draw();
    }

    /** Restores the terminal; stops the reload thread if this reader made it. */
    public void stop() {
        work.shutdown();
        if (started) {
            started = false;
            try {
                screen.stopScreen();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not restore the terminal", e);
            }
        }
    }

    /**
     * Handles a resize, finished background work, every pending key and, when due, the change
     * check; then redraws if anything happened. Returns whether anything happened.
     */
    public boolean step() {
        boolean changed = false;
        if (screen.doResizeIfNecessary() != null) {
            frame.resized();
            changed = true;
        }
        changed |= work.runTasks();
        KeyStroke key;
        while (!quit && (key = pollInput()) != null) {
            handleKey(key);
            changed = true;
            changed |= work.runTasks();
        }
        if (!quit && !clock.instant().isBefore(nextPoll)) {
            nextPoll = clock.instant().plus(config.pollInterval());
            changed |= checkForChanges();
        }
        if (changed && !quit) {
            draw();
        }
        return changed;
    }

    /** True once the user has quit. */
    public boolean hasQuit() {
        return quit;
    }

    private @Nullable KeyStroke pollInput() {
        try {
            KeyStroke key = screen.pollInput();
            if (key != null && key.getKeyType() == KeyType.EOF) {
                quit = true;
                return null;
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean checkForChanges() {
        try {
            long version = data.dataVersion();
            if (version != knownVersion) {
                knownVersion = version;
                refreshEverything();
                return true;
            }
        } catch (RuntimeException e) {
            error(Messages.of(e));
            return true;
        }
        return false;
    }

    // ---- keys

    private void handleKey(KeyStroke key) {
        if (frame.prompting()) {
            frame.typeInPrompt(key).ifPresent(query -> guarded(() -> views.push(new ArticleListScreen(this, new Selection.Search(query)))));
            return;
        }
        frame.clearMessage();
        Optional<Action> action = keys.actionFor(key);
        if (action.isEmpty()) {
            info("Unbound key (? shows the keys)");
            return;
        }
        guarded(() -> dispatch(action.get()));
    }

    private void dispatch(Action action) {
        if (views.top().handle(action)) {
            return;
        }
        switch (action) {
            case QUIT -> quit();
            case HELP -> views.push(new HelpOverlay(this, keys));
            case RELOAD_ALL -> work.reloadAll(this::reloadFinished);
            case SEARCH -> frame.startPrompt();
            case TOGGLE_UNREAD_ONLY -> toggleUnreadOnly();
            case SWITCH_VIEW -> {
                if (views.atRoot()) {
                    views.switchRoot();
                } else {
                    info("Tab switches Sources and Topics at the top level (q goes back)");
                }
            }
            default -> info(action.description() + ": not available here");
        }
    }

    private void draw() {
        frame.draw(views.top(), sources, unreadOnly);
    }

    // ---- for the views

    ReaderData data() {
        return data;
    }

    SourcesOverview sources() {
        return sources;
    }

    List<TopicCount> topics() {
        return topics;
    }

    boolean unreadOnly() {
        return unreadOnly;
    }

    ZoneId zone() {
        return config.zone();
    }

    int pageSize() {
        return config.pageSize();
    }

    /** Rows of the content area. */
    int contentRows() {
        return frame.contentRows();
    }

    /** The open views; views push, pop and tell the others about marks through it. */
    ViewStack views() {
        return views;
    }

    void quit() {
        quit = true;
    }

    void toggleUnreadOnly() {
        unreadOnly = !unreadOnly;
        views.reloadLists();
        info(unreadOnly ? "Showing only unread articles" : "Showing all articles");
    }

    void info(String text) {
        frame.info(text);
    }

    void error(String text) {
        frame.error(text);
    }

    /** Call after writing through {@link ReaderData}: re-reads every count. */
    void afterWrite() {
        reloadCounts();
        knownVersion = data.dataVersion();
        views.refreshRoots();
    }

    void openLink(@Nullable String url) {
        links.openLink(url);
    }

    /** Opens an enclosure with the configured player, else like a link with $BROWSER. */
    void openEnclosure(String url, String label) {
        links.openEnclosure(url, label);
    }

    /**
     * Fetches an article's full text on the background thread; {@code done} runs on the UI thread
     * with the stored outcome (empty: the article has no web link).
     */
    void fetchFullText(long articleId, Consumer<Optional<FullText>> done) {
        work.fetchFullText(articleId, done);
    }

    void reloadFeeds(List<Long> feedIds, String label) {
        work.reloadFeeds(feedIds, label, this::reloadFinished);
    }

    private void reloadFinished(Reloader.Result result) {
        refreshEverything();
        String summary = "Reloaded " + result.feeds() + (result.feeds() == 1 ? " feed: " : " feeds: ")
                + result.newArticles() + " new" + (result.failed() > 0 ? ", " + result.failed() + " failed" : "");
        if (result.failed() == 0) {
            info(summary);
        } else {
            // Each failing feed keeps its own error (marked ! in Sources, shown when selected);
            // the message names the last one until the next key.
            error(summary + result.lastError().map(last -> " (" + (result.failed() == 1 ? "" : "last: ") + last + ")").orElse("")
                    + (views.atRoot() ? "; ! marks failing feeds" : ""));
        }
    }

    private void refreshEverything() {
        reloadCounts();
        knownVersion = data.dataVersion();
        views.refreshAll();
    }

    private void reloadCounts() {
        sources = data.sources();
        topics = List.copyOf(data.topics());
    }

    /**
     * The counts of the first screen: the topics' on a thread of their own while this one reads
     * the sources', so on two cores the first screen waits for the longer of the two, not both.
     */
    private void firstCounts() {
        CompletableFuture<List<TopicCount>> topicsLater = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                topicsLater.complete(List.copyOf(data.topics()));
            } catch (Throwable e) {
                topicsLater.completeExceptionally(e);
            }
        }, "tidings-topic-counts");
        thread.setDaemon(true);
        thread.start();
        sources = data.sources();
        try {
            topics = topicsLater.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void guarded(Runnable action) {
        frame.guarded(action);
    }
}
