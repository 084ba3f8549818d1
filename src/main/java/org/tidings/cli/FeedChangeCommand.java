package org.tidings.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tidings.model.Feed;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that changes one feed named by its first argument ({@code move}, {@code rename}):
 * opens the services, resolves the feed ({@link FeedArgument}), applies {@link #change} and prints
 * the line it returns.
 */
abstract class FeedChangeCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand top;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID|URL") String feed;

    /** Changes {@code target}; returns the line that says what was done. */
    abstract String change(Services services, Feed target);

    @Override
    public final Integer call() throws Exception {
        try (Services services = Services.open(top)) {
            String done = change(services, FeedArgument.resolve(services.store, feed));
            PrintWriter out = spec.commandLine().getOut();
            out.println(done);
            out.flush();
            return ExitCodes.OK;
        }
    }
}
