package org.tidings.cli;

import java.util.concurrent.Callable;
import org.tidings.model.Feed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tidings remove ID|URL [--purge]}: unsubscribes. */
@Command(
        name = "remove",
        mixinStandardHelpOptions = true,
        description = {
            "Unsubscribe from a feed (with --purge, also delete its articles).",
            "Without --purge its articles stay until cleanup removes them; with it, the articles no other",
            "feed carries are deleted (starred ones always stay)."
        })
final class RemoveCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand top;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID|URL") String feed;

    @Option(names = "--purge", description = "Also delete its articles (except starred ones and ones other feeds carry).")
    boolean purge;

    @Override
    public Integer call() throws Exception {
        try (Services services = Services.open(top)) {
            Feed target = FeedArgument.resolve(services.store, feed);
            services.store.feeds().remove(target.id(), purge);
            spec.commandLine().getOut().printf("removed #%d %s%s%n", target.id(), target.url(), purge ? " and its articles" : "");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
