package org.tidings.cli;

import org.jspecify.annotations.Nullable;
import org.tidings.model.Feed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tidings move ID|URL [FOLDER]}: moves a feed into a folder (none: the top level). */
@Command(
        name = "move",
        mixinStandardHelpOptions = true,
        description = "Move a feed into FOLDER (a path such as News/Nigeria), or to the top level without FOLDER.")
final class MoveCommand extends FeedChangeCommand {
    @Parameters(index = "1", arity = "0..1", paramLabel = "FOLDER") @Nullable String folder;

    @Override
    String change(Services services, Feed target) {
        services.store.feeds().move(target.id(), folder);
        return String.format("moved #%d to %s", target.id(), folder == null || folder.isBlank() ? "the top level" : folder);
    }
}
