package org.tidings.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The terminal reader. {@link #run()} draws, reads keys and returns when the user quits. All UI
 * state lives on the thread that calls {@link #run()} (or {@link #start()} and {@link #step()});
 * reloads run on a background executor and hand their progress and results back through a queue,
 * so the screen never waits for the network.
 *
 * <p>Layout: a header line, the current view, a status line (position, counts, reload progress,
 * last error) and a message line (notices and the search prompt).
 */
public final class ReaderApp {
    private static final System.Logger LOG = System.getLogger(ReaderApp.class.getName());
    private static final long IDLE_SLEEP_MILLIS = 20;

    private final ReaderData data;
    private final Reloader reloader;
    private final Screen screen;
    private final KeyMap keys;
    private final InstantSource clock;
    private final ReaderConfig config;
    private final LinkOpener opener;
    private final LinkOpener player;
    private final Executor background;
    private final @Nullable ExecutorService ownedExecutor;
    private final Canvas canvas;
    private final ConcurrentLinkedQueue<Runnable> uiTasks = new ConcurrentLinkedQueue<>();
    private final Deque<View> stack = new ArrayDeque<>();

    private SourcesOverview sources = SourcesOverview.empty();
    private List<TopicCount> topics = List.of();
    private @Nullable GroupsScreen sourcesScreen;
    private @Nullable GroupsScreen topicsScreen;
    private boolean unreadOnly = true;
    private boolean quit;
    private boolean started;
    private boolean resized = true;
    private long knownVersion;
    private Instant nextPoll = Instant.EPOCH;
    private @Nullable StringBuilder prompt;
    private String message = "";
    private boolean messageIsError;
    private @Nullable String progress;
    private boolean reloading;

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
        this(data, reloader, screen, keys, clock, config, new BrowserLauncher(config.browser()), null, reloadThread());
    }

    private ReaderApp(ReaderData data, Reloader reloader, Screen screen, KeyMap keys, InstantSource clock,
            ReaderConfig config, LinkOpener opener, @Nullable Executor background, @Nullable ExecutorService owned) {
        this.data = Objects.requireNonNull(data, "data");
        this.reloader = Objects.requireNonNull(reloader, "reloader");
        this.screen = Objects.requireNonNull(screen, "screen");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.player = config.player().isBlank() ? opener : new BrowserLauncher(config.player());
        this.ownedExecutor = owned;
        this.background = owned != null ? owned : Objects.requireNonNull(background, "background");
        this.canvas = new Canvas(screen, config.colour());
    }

    private static ExecutorService reloadThread() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tidings-reload");
            thread.setDaemon(true);
            return thread;
        });
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
        Screen screen = openTerminalScreen();
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
            reloadCounts();
            knownVersion = data.dataVersion();
        });
        sourcesScreen = GroupsScreen.sources(this);
        stack.push(sourcesScreen);
        nextPoll = clock.instant().plus(config.pollInterval());
        draw();
    }

    /** Restores the terminal; stops the reload thread if this reader made it. */
    public void stop() {
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
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
            resized = true;
            changed = true;
        }
        changed |= runTasks();
        KeyStroke key;
        while (!quit && (key = pollInput()) != null) {
            handleKey(key);
            changed = true;
            changed |= runTasks();
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

    private boolean runTasks() {
        boolean ran = false;
        Runnable task;
        while ((task = uiTasks.poll()) != null) {
            guarded(task);
            ran = true;
        }
        return ran;
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
            error(oneLine(e));
            return true;
        }
        return false;
    }

    // ---- keys

    private void handleKey(KeyStroke key) {
        if (prompt != null) {
            handlePromptKey(key);
            return;
        }
        message = ""; // a message (an error too) is about the last action: the next one clears it
        Optional<Action> action = keys.actionFor(key);
        if (action.isEmpty()) {
            info("Unbound key (? shows the keys)");
            return;
        }
        guarded(() -> dispatch(action.get()));
    }

    private void dispatch(Action action) {
        if (top().handle(action)) {
            return;
        }
        switch (action) {
            case QUIT -> quit();
            case HELP -> push(new HelpOverlay(this, keys));
            case RELOAD_ALL -> startReload("all feeds", reloader::reloadAll);
            case SEARCH -> prompt = new StringBuilder();
            case TOGGLE_UNREAD_ONLY -> toggleUnreadOnly();
            case SWITCH_VIEW -> {
                if (stack.size() == 1) {
                    switchRoot();
                } else {
                    info("Tab switches Sources and Topics at the top level (q goes back)");
                }
            }
            default -> info(action.description() + ": not available here");
        }
    }

    private void handlePromptKey(KeyStroke key) {
        StringBuilder text = Objects.requireNonNull(prompt);
        switch (key.getKeyType()) {
            case Escape -> prompt = null;
            case Backspace -> {
                if (text.length() > 0) {
                    text.setLength(text.offsetByCodePoints(text.length(), -1));
                }
            }
            case Enter -> {
                String query = text.toString().strip();
                prompt = null;
                if (!query.isEmpty()) {
                    guarded(() -> push(new ArticleListScreen(this, new Selection.Search(query))));
                }
            }
            case Character -> {
                if (!key.isCtrlDown() && !key.isAltDown() && text.length() < 200) {
                    text.append(key.getCharacter());
                }
            }
            default -> {
                // other keys do nothing while typing
            }
        }
    }

    // ---- drawing

    private void draw() {
        TerminalSize size = screen.getTerminalSize();
        int columns = size.getColumns();
        int rows = size.getRows();
        screen.clear();
        View view = top();
        guarded(() -> {
            String header = " tidings: " + TerminalText.sanitize(view.title());
            String hint = columns >= 40 ? "?:help q:back " : "";
            int headerWidth = Math.max(0, columns - hint.length());
            canvas.line(0, 0, TerminalText.fit(header, headerWidth) + hint, columns, Canvas.Style.BOLD_REVERSE);
            if (rows > 3) {
                view.draw(canvas, 1, rows - 3, columns);
            }
        });
        if (rows > 2) {
            drawStatus(view, rows - 2, columns);
        }
        if (rows > 1) {
            drawMessage(rows - 1, columns);
        }
        try {
            screen.refresh(resized ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
            resized = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drawStatus(View view, int row, int columns) {
        String left = " " + view.position() + "  " + sources.allUnread() + " unread, " + sources.starred()
                + " starred" + (unreadOnly ? "  [unread only]" : "  [all]");
        String right;
        Canvas.Style rightStyle = Canvas.Style.REVERSE;
        if (progress != null) {
            right = progress;
        } else if (view.selectedError() != null) {
            right = "error: " + view.selectedError();
            rightStyle = Canvas.Style.ERROR.reversed();
        } else {
            right = "";
        }
        String safeRight = TerminalText.sanitize(right);
        int rightWidth = Math.min(TerminalText.width(safeRight), Math.max(0, columns - TerminalText.width(left) - 2));
        canvas.line(0, row, left, columns, Canvas.Style.REVERSE);
        if (rightWidth > 0) {
            String shown = TerminalText.fit(safeRight, rightWidth);
            canvas.text(columns - rightWidth - 1, row, shown, rightWidth, rightStyle);
        }
    }

    private void drawMessage(int row, int columns) {
        if (prompt != null) {
            String text = "/" + TerminalText.sanitize(prompt.toString());
            canvas.line(0, row, text, columns, Canvas.Style.NORMAL);
            screen.setCursorPosition(new TerminalPosition(Math.min(columns - 1, TerminalText.width(text)), row));
            return;
        }
        screen.setCursorPosition(null);
        canvas.line(0, row, TerminalText.sanitize(message), columns,
                messageIsError ? Canvas.Style.ERROR : Canvas.Style.NORMAL);
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
        return Math.max(1, screen.getTerminalSize().getRows() - 3);
    }

    void push(View view) {
        stack.push(view);
    }

    void pop() {
        if (stack.size() > 1) {
            stack.pop();
        } else {
            quit();
        }
    }

    /** Pops views until {@code view} is on top (no-op when it is not on the stack). */
    void popTo(View view) {
        if (!stack.contains(view)) {
            return;
        }
        while (stack.peek() != view) {
            stack.pop();
        }
    }

    void quit() {
        quit = true;
    }

    void switchRoot() {
        View root = stack.peekLast();
        stack.clear();
        if (root != null && root == sourcesScreen) {
            if (topicsScreen == null) {
                topicsScreen = GroupsScreen.topics(this);
            }
            topicsScreen.refresh();
            stack.push(topicsScreen);
        } else {
            GroupsScreen next = Objects.requireNonNull(sourcesScreen);
            next.refresh();
            stack.push(next);
        }
    }

    void toggleUnreadOnly() {
        unreadOnly = !unreadOnly;
        for (View view : stack) {
            if (view instanceof ArticleListScreen list) {
                list.reloadFromStart();
            }
        }
        info(unreadOnly ? "Showing only unread articles" : "Showing all articles");
    }

    void info(String text) {
        message = text;
        messageIsError = false;
    }

    void error(String text) {
        message = text;
        messageIsError = true;
    }

    /** Call after writing through {@link ReaderData}: re-reads every count. */
    void afterWrite() {
        reloadCounts();
        knownVersion = data.dataVersion();
        if (sourcesScreen != null) {
            sourcesScreen.refresh();
        }
        if (topicsScreen != null) {
            topicsScreen.refresh();
        }
    }

    /** Shows new read marks on every loaded list. */
    void applyRead(Set<Long> ids, boolean read) {
        for (View view : stack) {
            if (view instanceof ArticleListScreen list) {
                list.applyRead(ids, read);
            }
        }
    }

    void applyStarred(long id, boolean starred) {
        for (View view : stack) {
            if (view instanceof ArticleListScreen list) {
                list.applyStarred(id, starred);
            }
        }
    }

    void openLink(@Nullable String url) {
        if (url == null || url.isBlank()) {
            info("This article has no link");
            return;
        }
        try {
            BrowserLauncher.checkUrl(url);
            opener.open(url);
            info("Opened " + url);
        } catch (IllegalArgumentException e) {
            error(e.getMessage() + ": " + url);
        } catch (IOException e) {
            error("could not start the browser: set $BROWSER to its command, e.g. BROWSER=firefox (" + oneLine(e) + ")");
        }
    }

    /** Opens an enclosure with the configured player, else like a link with $BROWSER. */
    void openEnclosure(String url, String label) {
        try {
            BrowserLauncher.checkUrl(url);
            player.open(url);
            info("Opened " + label + (config.player().isBlank() ? "" : " with " + config.player().strip().split("\\s+")[0])
                    + ": " + url);
        } catch (IllegalArgumentException e) {
            error(e.getMessage() + ": " + url);
        } catch (IOException e) {
            error(config.player().isBlank()
                    ? "could not start the browser: set $BROWSER, or [reader] player in config.toml (" + oneLine(e) + ")"
                    : "could not start the player: check [reader] player in config.toml (" + oneLine(e) + ")");
        }
    }

    /**
     * Fetches an article's full text on the background thread; {@code done} runs on the UI thread
     * with the stored outcome (empty: the article has no web link).
     */
    void fetchFullText(long articleId, java.util.function.Consumer<Optional<org.tidings.model.FullText>> done) {
        progress = "Fetching the full text…";
        background.execute(() -> {
            try {
                Optional<org.tidings.model.FullText> result = reloader.fetchFullText(articleId);
                uiTasks.add(() -> {
                    progress = null;
                    done.accept(result);
                });
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "full text failed", e);
                uiTasks.add(() -> {
                    progress = null;
                    error("full text failed: " + oneLine(e));
                });
            }
        });
    }

    void reloadFeeds(List<Long> feedIds, String label) {
        if (feedIds.isEmpty()) {
            info("No feeds to reload in " + label);
            return;
        }
        startReload(label, listener -> {
            int feeds = 0;
            int failed = 0;
            int fresh = 0;
            Optional<String> last = Optional.empty();
            for (long feedId : feedIds) {
                Reloader.Result result = reloader.reloadFeed(feedId, listener);
                feeds += result.feeds();
                failed += result.failed();
                fresh += result.newArticles();
                last = result.lastError().isPresent() ? result.lastError() : last;
            }
            return new Reloader.Result(feeds, failed, fresh, last);
        });
    }

    private void startReload(String label, Function<Reloader.Progress, Reloader.Result> job) {
        if (reloading) {
            info("A reload is already running");
            return;
        }
        reloading = true;
        progress = "Reloading " + label + "…";
        Reloader.Progress listener = (done, total, current) ->
                uiTasks.add(() -> progress = "Reloading " + done + "/" + total + ": " + current);
        background.execute(() -> {
            try {
                Reloader.Result result = job.apply(listener);
                uiTasks.add(() -> reloadFinished(result));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "reload failed", e);
                uiTasks.add(() -> {
                    reloading = false;
                    progress = null;
                    error("reload failed: " + oneLine(e) + " (R tries again)");
                });
            }
        });
    }

    private void reloadFinished(Reloader.Result result) {
        reloading = false;
        progress = null;
        refreshEverything();
        String summary = "Reloaded " + result.feeds() + (result.feeds() == 1 ? " feed: " : " feeds: ")
                + result.newArticles() + " new" + (result.failed() > 0 ? ", " + result.failed() + " failed" : "");
        if (result.failed() == 0) {
            info(summary);
        } else {
            // Each failing feed keeps its own error (marked ! in Sources, shown when selected);
            // the message names the last one until the next key.
            message = summary + result.lastError().map(last -> " (" + (result.failed() == 1 ? "" : "last: ") + last + ")").orElse("")
                    + (stack.size() == 1 ? "; ! marks failing feeds" : "");
            messageIsError = true;
        }
    }

    private void refreshEverything() {
        reloadCounts();
        knownVersion = data.dataVersion();
        if (sourcesScreen != null) {
            sourcesScreen.refresh();
        }
        if (topicsScreen != null) {
            topicsScreen.refresh();
        }
        for (View view : stack) {
            if (view != sourcesScreen && view != topicsScreen) {
                view.refresh();
            }
        }
    }

    private void reloadCounts() {
        sources = data.sources();
        topics = List.copyOf(data.topics());
    }

    private View top() {
        return Objects.requireNonNull(stack.peek(), "no view");
    }

    private void guarded(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reader action failed", e);
            error(oneLine(e));
        }
    }

    private static String oneLine(Throwable e) {
        return org.tidings.model.Messages.of(e);
    }
}
