package org.tidings.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Feed;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tidings feeds fulltext FEED [on|off]}: whether sync fetches the page of each new article
 * of the feed for its full text (docs/FULLTEXT.md). Without on/off it says which.
 */
@Command(
        name = "fulltext",
        mixinStandardHelpOptions = true,
        description = "Fetch each new article's page for its full text (on) or not (off); without on/off, show which.")
final class FeedsFullTextCommand implements Callable<Integer> {
    @ParentCommand FeedsCommand feeds;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FEED", description = "Feed id or URL.")
    String feed;

    @Parameters(index = "1", arity = "0..1", paramLabel = "on|off", description = "Turn full text on or off.")
    @Nullable String state;

    @Override
    public Integer call() throws Exception {
        Boolean on = null;
        if (state != null) {
            on = switch (state.strip().toLowerCase(Locale.ROOT)) {
                case "on", "true", "yes" -> true;
                case "off", "false", "no" -> false;
                default -> throw new ParameterException(spec.commandLine(), "say on or off, not \"" + state + "\"");
            };
        }
        try (Services services = Services.open(feeds.top)) {
            Feed found = FeedArgument.resolve(services.store, feed);
            if (on != null) {
                services.store.fullText().setEnabled(found.id(), on);
            }
            boolean now = services.store.fullText().enabled(found.id());
            spec.commandLine().getOut().println("Full text " + (now ? "on" : "off") + " for " + found.id() + " "
                    + org.tidings.tui.TerminalText.sanitize(found.url()));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
