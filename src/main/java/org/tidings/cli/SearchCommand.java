package org.tidings.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tidings.store.ArticleQuery;
import org.tidings.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tidings search [--json] [--unread] [--limit N] QUERY...}: full-text search. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = "Search titles, authors and texts; every word must occur, word* matches a prefix.")
final class SearchCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand parent;

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words to search for.")
    List<String> words;

    @Option(names = "--json", description = "Print one JSON object per article per line.")
    boolean json;

    @Option(names = "--unread", description = "Only unread articles.")
    boolean unread;

    @Option(names = "--limit", paramLabel = "N", description = "At most N articles (default: 100).")
    @Nullable Integer limit;

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1: " + limit);
        }
        try (Store store = parent.openStore()) {
            return run(store);
        }
    }

    private int run(Store store) {
        ArticleQuery query = ArticleQuery.all().matching(String.join(" ", words));
        if (unread) {
            query = query.unreadOnly();
        }
        int printed = ArticlesCommand.print(spec.commandLine().getOut(), store, query, limit == null ? 100 : limit, null, json);
        if (printed == 0 && !json) {
            spec.commandLine().getOut().println("no articles match \"" + String.join(" ", words) + "\"");
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
