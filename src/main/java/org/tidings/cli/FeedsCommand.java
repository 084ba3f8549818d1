package org.tidings.cli;

import org.tidings.api.FeedJson;
import org.tidings.tui.TerminalText;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Feed;
import org.tidings.model.FeedSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tidings feeds [--json]}: every subscription with its health and counts; {@code feeds topic} sets a feed's topic. */
@Command(
        name = "feeds",
        mixinStandardHelpOptions = true,
        description = "List feeds: folder, last status, last success, error, next poll, article and unread counts.",
        subcommands = {FeedsTopicCommand.class, FeedsFullTextCommand.class})
final class FeedsCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand top;
    @Spec CommandSpec spec;

    /** What to say where there are no feeds yet (feeds, sync, daemon). */
    static final String NO_FEEDS = "no feeds yet: add one with 'tidings add URL' or 'tidings import FILE.opml'";

    @Option(names = "--json", description = "One JSON object per feed per line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Services services = Services.open(top)) {
            java.util.List<FeedSummary> summaries = services.store.feeds().summaries();
            if (summaries.isEmpty() && !json) {
                out.println(NO_FEEDS);
            }
            for (FeedSummary summary : summaries) {
                if (json) {
                    out.println(FeedJson.write(toJson(summary)));
                } else {
                    Feed feed = summary.feed();
                    out.printf("%4d  %-40s %s%n", feed.id(), clip(TerminalText.sanitize(feed.title()), 40), TerminalText.sanitize(feed.url()));
                    out.printf("      folder: %s · %s, %d unread · status: %s · last ok: %s · next: %s%s%n",
                            feed.folder() == null ? "-" : TerminalText.sanitize(feed.folder()),
                            org.tidings.model.Messages.count(summary.total(), "article"), summary.unread(), status(feed), orDash(FeedJson.format(feed.health().lastSuccessAt())),
                            feed.disabled() ? "disabled" : feed.nextPollAt() == null ? "now" : orDash(FeedJson.format(feed.nextPollAt())),
                            feed.health().lastError() == null ? "" : "\n      error: " + TerminalText.sanitize(feed.health().lastError()));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static String status(Feed feed) {
        if (feed.disabled()) {
            return "disabled (" + TerminalText.sanitize(String.valueOf(feed.disabledReason())) + ")";
        }
        Integer status = feed.health().lastStatus();
        if (feed.health().lastAttemptAt() == null) {
            return "never fetched";
        }
        return (status == null ? "no response" : String.valueOf(status))
                + (feed.health().consecutiveFailures() > 0 ? ", " + org.tidings.model.Messages.count(feed.health().consecutiveFailures(), "failure") : "");
    }

    private static String orDash(@Nullable String text) {
        return text == null ? "-" : text;
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    static ObjectNode toJson(FeedSummary summary) {
        Feed feed = summary.feed();
        ObjectNode node = FeedJson.MAPPER.createObjectNode();
        node.put("id", feed.id());
        node.put("url", feed.url());
        node.put("title", feed.title());
        node.put("site_url", feed.siteUrl());
        node.put("folder", feed.folder());
        node.put("topic", feed.topic());
        node.put("last_status", feed.health().lastStatus());
        node.put("last_attempt", iso(feed.health().lastAttemptAt()));
        node.put("last_success", iso(feed.health().lastSuccessAt()));
        node.put("error", feed.health().lastError());
        node.put("consecutive_failures", feed.health().consecutiveFailures());
        node.put("next_poll", iso(feed.nextPollAt()));
        node.put("disabled", feed.disabled());
        node.put("disabled_reason", feed.disabledReason());
        node.put("articles", summary.total());
        node.put("unread", summary.unread());
        return node;
    }

    private static @Nullable String iso(@Nullable Instant instant) {
        return FeedJson.format(instant);
    }
}
