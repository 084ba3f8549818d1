package org.tidings.cli;

import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tidings.store.Mark;
import org.tidings.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tidings mark read|unread|star|unstar ID...} or {@code --all [filters]}. Marking read or
 * unread also marks the story's copies at other outlets.
 */
@Command(
        name = "mark",
        mixinStandardHelpOptions = true,
        description = "Mark articles read, unread, starred or unstarred (by ID, or --all matching the filters).")
final class MarkCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand parent;

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "read|unread|star|unstar", description = "What to mark.")
    String what;

    @Parameters(index = "1..*", paramLabel = "ID", description = "Article ids.")
    List<String> given = List.of();

    private List<Long> ids = List.of();

    @Option(names = "--all", description = "Every article matching the filters (all articles without filters).")
    boolean all;

    @Mixin ArticleFilterOptions filters;

    @Override
    public Integer call() {
        Mark mark;
        try {
            mark = Mark.valueOf(what.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "unknown mark \"" + what + "\"; use read, unread, star or unstar");
        }
        for (String id : given) {
            if (!id.strip().matches("\\d{1,18}")) {
                throw new ParameterException(spec.commandLine(), "not an article id: '" + id + "' (ids are numbers; 'tidings articles' lists them)");
            }
        }
        ids = given.stream().map(id -> Long.parseLong(id.strip())).toList();
        if (all == !ids.isEmpty()) {
            throw new ParameterException(spec.commandLine(), all ? "give either IDs or --all, not both" : "give article IDs or --all");
        }
        try (Store store = Services.openStore(parent)) {
            return run(store, mark);
        }
    }

    private int run(Store store, Mark mark) {
        InstantSource clock = Services.clock();
        List<Long> unknown = ids.stream().distinct().filter(id -> store.articles().article(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            // as 'articles --feed 999' does: an unknown id is an error, and nothing is marked
            throw new IllegalArgumentException((unknown.size() == 1 ? "no article with id " : "no articles with ids ")
                    + unknown.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                    + " (nothing marked; 'tidings articles' lists ids)");
        }
        int changed = all
                ? store.articles().markAll(filters.query(store), mark, clock.instant())
                : store.articles().mark(ids, mark, clock.instant());
        spec.commandLine().getOut().printf("%d article%s marked %s%n", changed, changed == 1 ? "" : "s",
                switch (mark) {
                    case READ -> "read";
                    case UNREAD -> "unread";
                    case STAR -> "starred";
                    case UNSTAR -> "unstarred";
                });
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
