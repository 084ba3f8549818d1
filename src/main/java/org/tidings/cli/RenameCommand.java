package org.tidings.cli;

import org.jspecify.annotations.Nullable;
import org.tidings.model.Feed;
import org.tidings.tui.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tidings rename ID|URL [TITLE]}: names a feed (no title: back to the feed's own). */
@Command(
        name = "rename",
        mixinStandardHelpOptions = true,
        description = "Name a feed; without TITLE it goes back to the title the feed gives itself.")
final class RenameCommand extends FeedChangeCommand {
    @Parameters(index = "1", arity = "0..1", paramLabel = "TITLE") @Nullable String title;

    @Override
    String change(Services services, Feed target) {
        services.store.feeds().rename(target.id(), title);
        Feed renamed = services.store.feeds().feed(target.id()).orElseThrow();
        return String.format("#%d is now %s", renamed.id(), TerminalText.sanitize(renamed.title()));
    }
}
