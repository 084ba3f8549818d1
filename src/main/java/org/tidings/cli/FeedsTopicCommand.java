package org.tidings.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Feed;
import org.tidings.tui.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tidings feeds topic ID|URL [NAME] [--none|--auto]}: the topic every article of a feed
 * carries. Without NAME or an option it shows the feed's topic.
 */
@Command(
        name = "topic",
        mixinStandardHelpOptions = true,
        description = "Set the topic of a feed's articles (NAME), take it away (--none), or go back to the automatic one"
                + " (--auto: category feeds and outlet sections); without these, show it.")
final class FeedsTopicCommand implements Callable<Integer> {
    @ParentCommand FeedsCommand feeds;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID|URL") String feed;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME") @Nullable String name;

    @Option(names = "--none", description = "No topic for this feed's articles.") boolean none;

    @Option(names = "--auto", description = "The automatic topic again (from the feed's address or title).") boolean auto;

    @Override
    public Integer call() throws Exception {
        int choices = (name != null ? 1 : 0) + (none ? 1 : 0) + (auto ? 1 : 0);
        if (choices > 1) {
            throw new ParameterException(spec.commandLine(), "give one of NAME, --none and --auto");
        }
        if (name != null && name.isBlank()) {
            throw new ParameterException(spec.commandLine(), "the topic name is empty (to take the topic away: --none)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Services services = Services.open(feeds.top)) {
            Feed target = FeedArgument.resolve(services.store, feed);
            Optional<String> topic;
            if (choices == 0) {
                topic = Optional.ofNullable(target.topic());
            } else {
                topic = services.store.feeds().setTopic(target.id(), none ? "" : name)
                        .orElseThrow(() -> new IllegalArgumentException("no feed " + feed));
            }
            out.printf("#%d %s: %s%n", target.id(), TerminalText.sanitize(target.title()),
                    topic.map(t -> "topic " + TerminalText.sanitize(t)).orElse("no topic"));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
