package org.tidings.cli;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Feed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tidings move ID|URL [FOLDER]}: moves a feed into a folder (none: the top level). */
@Command(
        name = "move",
        mixinStandardHelpOptions = true,
        description = "Move a feed into FOLDER (a path such as News/Nigeria), or to the top level without FOLDER.")
final class MoveCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand top;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID|URL") String feed;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FOLDER") @Nullable String folder;

    @Override
    public Integer call() throws Exception {
        try (Services services = Services.open(top)) {
            Feed target = FeedArgument.resolve(services.store, feed);
            services.store.feeds().move(target.id(), folder);
            spec.commandLine().getOut().printf("moved #%d to %s%n", target.id(), folder == null || folder.isBlank() ? "the top level" : folder);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
