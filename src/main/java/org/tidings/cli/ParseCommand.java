package org.tidings.cli;

import org.tidings.api.FeedJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.time.InstantSource;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.tidings.fetch.FetchRequest;
import org.tidings.fetch.FetchResult;
import org.tidings.fetch.HttpFetcher;
import org.tidings.tui.TerminalText;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Entry;
import org.tidings.model.ParsedFeed;
import org.tidings.parse.FeedParseException;
import org.tidings.parse.FeedParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tidings parse [--json] FILE|URL...}: reads feed documents and prints them normalized.
 * With several inputs and {@code --json} it prints JSON Lines, one object per input in order, and
 * {@code {"error": "..."}} for an input it cannot read.
 */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = "Parse feed documents and print them normalized (a summary, or JSON with --json).")
final class ParseCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print JSON (one object per line for several inputs).")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE|URL", description = "Feed files or URLs.")
    List<String> inputs;

    private final FeedParser parser = new FeedParser();
    private @Nullable HttpFetcher fetcher;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        for (String input : inputs) {
            try {
                ParsedFeed feed = read(input);
                if (json) {
                    out.println(FeedJson.write(FeedJson.toJson(feed)));
                } else {
                    printSummary(out, input, feed);
                }
            } catch (IOException | FeedParseException | RuntimeException e) {
                failures++;
                String message = input + ": " + TidingsCommand.describe(e);
                if (json) {
                    out.println(FeedJson.write(FeedJson.error(message)));
                }
                err.println("tidings: " + TerminalText.sanitize(message));
            }
        }
        out.flush();
        if (fetcher != null) {
            fetcher.close();
        }
        if (failures == 0) {
            return ExitCodes.OK;
        }
        if (inputs.size() == 1) {
            return ExitCodes.FATAL;
        }
        // Several inputs: the batch form of the conformance checker expects exit 0, with an
        // error line standing in for each input that could not be read.
        return json ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    private ParsedFeed read(String input) throws IOException, FeedParseException {
        if (input.startsWith("http://") || input.startsWith("https://")) {
            return fetchAndParse(input);
        }
        Path path = Path.of(input.startsWith("file:") ? URI.create(input).getPath() : input);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file", e);
        }
        // A local file has no web address: relative links are resolved against xml:base and the
        // feed's own link only (a file: URI would make them point into this machine).
        return parser.parse(bytes, null, null);
    }

    /** Fetches a URL with the same fetcher (limits, caps, timeouts) as sync, then parses it. */
    private ParsedFeed fetchAndParse(String url) throws IOException, FeedParseException {
        if (fetcher == null) {
            fetcher = new HttpFetcher(Services.fetchConfig(Config.defaults(), System.getenv()), InstantSource.system());
        }
        FetchResult result;
        try {
            result = fetcher.fetch(FetchRequest.of(url)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(TidingsCommand.describe(e.getCause()), e);
        }
        if (!(result instanceof FetchResult.Fetched fetched)) {
            throw new IOException(result.describe());
        }
        String contentType = fetched.mediaType() == null ? null
                : fetched.mediaType() + (fetched.charset() == null ? "" : "; charset=" + fetched.charset());
        return parser.parse(fetched.body(), URI.create(fetched.url()), contentType);
    }

    private static void printSummary(PrintWriter out, String input, ParsedFeed feed) {
        // Feed text is untrusted: nothing reaches the terminal unsanitized.
        out.printf("%s%n  title: %s%n  link:  %s%n  format: %s%s%n  items: %d%n",
                safe(input), safe(feed.title()), safe(feed.link()), feed.format(), feed.recovered() ? " (recovered)" : "",
                feed.entries().size());
        for (String warning : feed.warnings()) {
            out.printf("  warning: %s%n", safe(warning));
        }
        for (Entry entry : feed.entries()) {
            out.printf("  - %s  %s%n    %s%n", FeedJson.format(entry.published()), safe(entry.title()), safe(entry.link()));
        }
    }

    private static String safe(@Nullable String text) {
        return text == null ? "-" : TerminalText.sanitize(text);
    }
}
