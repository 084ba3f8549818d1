package org.tidings.cli;

import org.tidings.tui.TerminalText;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Feed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tidings rename ID|URL [TITLE]}: names a feed (no title: back to the feed's own). */
@Command(
        name = "rename",
        mixinStandardHelpOptions = true,
        description = "Name a feed; without TITLE it goes back to the title the feed gives itself.")
final class RenameCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand top;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID|URL") String feed;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TITLE") @Nullable String title;

    @Override
    public Integer call() throws Exception {
        try (Services services = Services.open(top)) {
            Feed target = FeedArgument.resolve(services.store, feed);
            services.store.feeds().rename(target.id(), title);
            Feed renamed = services.store.feeds().feed(target.id()).orElseThrow();
            spec.commandLine().getOut().printf("#%d is now %s%n", renamed.id(), TerminalText.sanitize(renamed.title()));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
