package org.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Subscription;
import org.tidings.store.Store;
import org.tidings.testing.Cli;
import org.tidings.testing.Cli.Result;

/** Every command that names a feed finds it by id or URL the same way and words a miss the same way. */
class FeedArgumentTest {
    static final String URL = "https://news.example/feed/";
    static final String MISSING_URL = "https://nowhere.example/feed";

    @TempDir Path dir;
    Path db;
    long id;

    @BeforeEach
    void oneFeed() {
        db = dir.resolve("tidings.db");
        try (Store store = Store.open(db)) {
            id = store.feeds().add(Subscription.of(URL), Instant.parse("2026-12-05T10:00:00Z")).feed().id();
        }
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    /** Each command line with FEED where the feed goes. */
    private static List<List<String>> commands(String feed) {
        return List.of(
                List.of("articles", "--feed", feed),
                List.of("search", "--feed", feed, "budget"),
                List.of("mark", "read", "--all", "--feed", feed),
                List.of("sync", "--feed", feed),
                List.of("remove", feed),
                List.of("move", feed, "World"),
                List.of("rename", feed, "A title"),
                List.of("feeds", "topic", feed, "World"),
                List.of("feeds", "fulltext", feed, "on"));
    }

    @Test
    void anUnknownIdIsOneLineWithExitTwoInEveryCommand() {
        for (List<String> command : commands("999")) {
            Result result = run(command.toArray(String[]::new));
            assertThat(result.err()).as(String.join(" ", command))
                    .isEqualTo("tidings: no feed with id 999 (see 'tidings feeds')\n");
            assertThat(result.code()).as(String.join(" ", command)).isEqualTo(ExitCodes.FATAL);
        }
    }

    @Test
    void anUnknownUrlIsOneLineWithExitTwoInEveryCommand() {
        for (List<String> command : commands(MISSING_URL)) {
            Result result = run(command.toArray(String[]::new));
            assertThat(result.err()).as(String.join(" ", command))
                    .isEqualTo("tidings: no feed with URL " + MISSING_URL + " (see 'tidings feeds')\n");
            assertThat(result.code()).as(String.join(" ", command)).isEqualTo(ExitCodes.FATAL);
        }
    }

    @Test
    void aFeedIsFoundByItsIdAndByItsUrlWithSpacesAround() {
        try (Store store = Store.open(db)) {
            assertThat(FeedArgument.resolve(store, String.valueOf(id)).url()).isEqualTo(URL);
            assertThat(FeedArgument.resolve(store, " " + URL + " ").id()).isEqualTo(id);
        }
        assertThat(run("articles", "--feed", String.valueOf(id)).code()).isZero();
        assertThat(run("rename", URL, "Renamed").code()).isZero();
        assertThat(run("feeds").out()).contains("Renamed");
    }
}
