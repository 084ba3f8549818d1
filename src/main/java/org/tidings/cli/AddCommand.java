package org.tidings.cli;

import org.tidings.tui.TerminalText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tidings.fetch.Discovery;
import org.tidings.fetch.FeedCandidate;
import org.tidings.fetch.FeedDiscovery;
import org.tidings.model.Subscription;
import org.tidings.store.AddResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tidings add URL}: subscribes to a feed URL, or to a feed discovered on a web page ({@code
 * <link rel="alternate">}, WordPress {@code /feed/} and {@code /category/<slug>/feed/}, common
 * paths). With several candidates it asks on a terminal, or takes {@code --pick N}, or lists them.
 */
@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description = {
            "Subscribe to a feed URL, or discover the feeds of a web page and pick one.",
            "Local files and file:// URLs work too. An existing subscription is refused."
        })
final class AddCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand top;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "Feed or web page URL, or a local feed file.")
    String url;

    @Option(names = "--folder", paramLabel = "NAME", description = "Put the feed in this folder (path with '/').")
    @Nullable String folder;

    @Option(names = "--title", paramLabel = "TITLE", description = "Name the feed.")
    @Nullable String title;

    @Option(names = "--pick", paramLabel = "N", description = "With several feeds found, take the N-th (1-based).")
    @Nullable Integer pick;

    @Option(names = "--all", description = "With several feeds found (e.g. a WordPress site's category feeds), add them all.")
    boolean all;

    @Option(names = "--no-discover", description = "Subscribe to URL as given, without fetching it.")
    boolean noDiscover;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String target = localPath(url);
        try (Services services = Services.open(top)) {
            if (services.store.feeds().feedByUrl(target).isPresent()) {
                return refuseDuplicate(err, services, target);
            }
            String feedUrl = target;
            if (!noDiscover) {
                Discovery discovery = new FeedDiscovery(services.fetcher()).discover(target).get();
                if (discovery instanceof Discovery.NotFound notFound) {
                    boolean guessedScheme = target.startsWith("https://") && !url.strip().toLowerCase(java.util.Locale.ROOT).startsWith("https://");
                    throw new IllegalArgumentException(notFound.message() + (guessedScheme
                            ? " (no scheme was given, so https:// was tried; for a plain-HTTP site write http://" + url.strip() + ")"
                            : ""));
                }
                List<FeedCandidate> candidates = ((Discovery.Found) discovery).candidates();
                if (all) {
                    return addAll(services, candidates, out, err);
                }
                FeedCandidate chosen = choose(candidates, out);
                if (chosen == null) {
                    return ExitCodes.FATAL;
                }
                feedUrl = chosen.url();
                if (title == null && chosen.title() != null && chosen.source() != FeedCandidate.Source.SELF) {
                    title = chosen.title();
                }
            }
            AddResult result = services.store.feeds().add(
                    new Subscription(feedUrl, title, null, folder, List.of()), services.clock.instant());
            if (result instanceof AddResult.AlreadySubscribed) {
                return refuseDuplicate(err, services, feedUrl);
            }
            added(out, result, feedUrl);
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Adds every discovered feed; ones already subscribed are skipped with a note. */
    private int addAll(Services services, List<FeedCandidate> candidates, PrintWriter out, PrintWriter err) {
        int added = 0;
        for (FeedCandidate candidate : candidates) {
            String candidateTitle = candidate.source() == FeedCandidate.Source.SELF ? null : candidate.title();
            AddResult result = services.store.feeds().add(
                    new Subscription(candidate.url(), candidateTitle, null, folder, List.of()), services.clock.instant());
            if (result instanceof AddResult.AlreadySubscribed) {
                err.printf("tidings: already subscribed: #%d %s%n", result.feed().id(), candidate.url());
            } else {
                added++;
                added(out, result, candidate.url());
            }
        }
        out.flush();
        err.flush();
        return added > 0 ? ExitCodes.OK : ExitCodes.FATAL;
    }

    private void added(PrintWriter out, AddResult result, String feedUrl) {
        out.printf("added #%d %s%s%n", result.feed().id(), feedUrl, folder == null ? "" : " in " + folder);
    }

    private static int refuseDuplicate(PrintWriter err, Services services, String feedUrl) {
        var existing = services.store.feeds().feedByUrl(feedUrl).orElseThrow();
        err.printf("tidings: already subscribed: #%d %s%n", existing.id(), TerminalText.sanitize(existing.title()));
        err.flush();
        return ExitCodes.FATAL;
    }

    private @Nullable FeedCandidate choose(List<FeedCandidate> candidates, PrintWriter out) throws IOException {
        if (candidates.size() == 1 && pick == null) {
            return candidates.get(0);
        }
        if (pick != null) {
            if (pick < 1 || pick > candidates.size()) {
                throw new IllegalArgumentException("--pick must be between 1 and " + candidates.size());
            }
            return candidates.get(pick - 1);
        }
        out.println("feeds found at " + url + ":");
        for (int i = 0; i < candidates.size(); i++) {
            FeedCandidate candidate = candidates.get(i);
            out.printf("%3d. %s%s%n", i + 1, candidate.url(),
                    candidate.title() == null ? "" : "  " + TerminalText.sanitize(candidate.title()));
        }
        out.flush();
        if (System.console() == null) {
            out.println("run again with --pick N to choose one, or --all to add them all");
            out.flush();
            return null;
        }
        out.print("which one? [1-" + candidates.size() + "] ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        try {
            int index = Integer.parseInt(answer == null ? "" : answer.strip());
            if (index >= 1 && index <= candidates.size()) {
                return candidates.get(index - 1);
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("no feed chosen");
    }

    /** What only a local path looks like: absolute, relative or home paths, or a feed file name without a slash. */
    private static final java.util.regex.Pattern LOCAL_PATH = java.util.regex.Pattern.compile(
            "^(/|\\./|\\.\\./|~/)|^[^/]+\\.(?i:xml|rss|atom|rdf|opml|json)$");

    /** A local path given on the command line becomes a file:// URL; a missing one is an error. */
    static String localPath(String value) {
        if (value.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            return value.strip();
        }
        Path path = Path.of(value);
        if (Files.exists(path)) {
            return path.toAbsolutePath().normalize().toUri().toString();
        }
        if (LOCAL_PATH.matcher(value.strip()).find()) {
            throw new IllegalArgumentException("no such file: " + value.strip());
        }
        return value.contains(".") && !value.contains(" ") ? "https://" + value.strip() : value.strip();
    }
}
