package org.tidings.cli;

import org.tidings.tui.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tidings.fetch.FetchRequest;
import org.tidings.fetch.FetchResult;
import org.tidings.model.Subscription;
import org.tidings.opml.NewsboatUrlsReader;
import org.tidings.opml.OpmlDocument;
import org.tidings.opml.OpmlException;
import org.tidings.opml.OpmlReader;
import org.tidings.store.SubscriptionLists.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tidings import FILE|URL}: subscribes to every feed of an OPML file (or, with {@code
 * --newsboat}, a newsboat urls file) in one transaction. Re-importing changes nothing; a changed
 * file updates titles and folders and adds new feeds. A malformed file imports nothing.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import subscriptions from an OPML 1.0/2.0 file or URL (or a newsboat urls file with --newsboat).",
            "Folders become folders; re-importing is harmless; a malformed file imports nothing."
        })
final class ImportCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand top;
    @Spec CommandSpec spec;

    @Option(names = "--newsboat", description = "The file is a newsboat 'urls' file (first tag = folder).")
    boolean newsboat;

    @Parameters(paramLabel = "FILE|URL", description = "OPML file or URL ('-' for standard input).")
    String source;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Services services = Services.open(top)) {
            byte[] bytes = read(services, source);
            OpmlDocument document;
            try {
                document = newsboat ? new NewsboatUrlsReader().read(bytes) : new OpmlReader().read(bytes);
            } catch (OpmlException e) {
                boolean isFeed = !newsboat && java.util.regex.Pattern.compile("root element is <(rss|feed|rdf:RDF)>")
                        .matcher(String.valueOf(e.getMessage())).find();
                throw new IllegalArgumentException(source + ": " + e.getMessage()
                        + (isFeed ? "; it is a feed: subscribe to it with 'tidings add " + source + "'" : ""), e);
            }
            for (String warning : document.warnings()) {
                err.println("tidings: " + source + ": warning: " + TerminalText.sanitize(warning));
            }
            ImportResult result = importDocument(services, document.subscriptions());
            out.printf("imported %s: %d added, %d updated, %d unchanged%n",
                    source, result.added(), result.updated(), result.unchanged());
            out.flush();
            return ExitCodes.OK;
        }
    }

    static ImportResult importDocument(Services services, List<Subscription> subscriptions) {
        return services.store.subscriptionLists().importAll(subscriptions, services.clock.instant());
    }

    /** Reads a local file, standard input, or a URL through the fetcher (same limits as feeds). */
    static byte[] read(Services services, String source) throws IOException, InterruptedException {
        if (source.equals("-")) {
            return System.in.readNBytes(OpmlReader.DEFAULT_MAX_BYTES + 1);
        }
        if (source.startsWith("http://") || source.startsWith("https://")) {
            FetchResult result;
            try {
                result = services.fetcher().fetch(FetchRequest.of(source)).get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException("cannot fetch " + source + ": " + e.getCause().getMessage(), e);
            }
            if (result instanceof FetchResult.Fetched fetched) {
                return fetched.body();
            }
            throw new IOException("cannot fetch " + source + ": " + result.describe());
        }
        try {
            return Files.readAllBytes(Path.of(source.startsWith("file:") ? java.net.URI.create(source).getPath() : source));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(source, null, "no such file");
        }
    }
}
