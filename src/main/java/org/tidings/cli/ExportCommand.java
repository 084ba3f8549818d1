package org.tidings.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Feed;
import org.tidings.model.Subscription;
import org.tidings.opml.OpmlDocument;
import org.tidings.opml.OpmlWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tidings export [FILE]}: writes the subscriptions as OPML 2.0 (standard output by default). */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Export subscriptions as OPML 2.0 with folders, titles and both URLs (to FILE or standard output).")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand top;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Where to write (default: standard output).")
    @Nullable Path file;

    @Override
    public Integer call() throws Exception {
        try (Services services = Services.open(top)) {
            OpmlDocument document = document(services);
            if (file == null) {
                spec.commandLine().getOut().print(new OpmlWriter().toXml(document));
                spec.commandLine().getOut().flush();
            } else {
                writeAtomically(file, document);
                spec.commandLine().getOut().println("exported " + org.tidings.model.Messages.count(document.subscriptions().size(), "feed")
                        + " to " + file);
                spec.commandLine().getOut().flush();
            }
            return ExitCodes.OK;
        }
    }

    static OpmlDocument document(Services services) {
        List<Subscription> subscriptions = new ArrayList<>();
        Map<Long, List<String>> tags = services.store.subscriptionLists().tagsByFeed();
        Map<Long, String> topics = services.store.subscriptionLists().topicOverrides();
        java.util.Set<Long> fullText = java.util.Set.copyOf(services.store.fullText().enabledFeeds());
        for (Feed feed : services.store.feeds().list()) {
            String title = feed.title().equals(feed.url()) ? null : feed.title();
            subscriptions.add(new Subscription(feed.url(), title, feed.siteUrl(), feed.folder(),
                    tags.getOrDefault(feed.id(), List.of()), topics.get(feed.id()), fullText.contains(feed.id())));
        }
        return OpmlDocument.forExport(null, services.clock.instant(), subscriptions, services.store.feeds().folders());
    }

    /**
     * Writes beside the target, then renames, so a failure never leaves half a file. Errors name
     * the path the user gave, never the temporary file.
     */
    static void writeAtomically(Path target, OpmlDocument document) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("cannot write " + target + ": it is a directory (give a file name, e.g. "
                    + target.resolve("subscriptions.opml") + ")");
        }
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("cannot write " + target + ": no such directory: " + parent);
        }
        Path temporary;
        try {
            temporary = Files.createTempFile(parent, ".tidings-export", ".opml");
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        }
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                new OpmlWriter().write(document, out);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Why a file operation failed, without the (temporary) file name the exception carries. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getClass().getSimpleName();
    }
}
