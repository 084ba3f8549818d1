package org.tidings.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.store.Mark;

/**
 * A real client: newsboat's Google Reader mode ({@code urls-source "feedhq"}) reloads from the API
 * and counts the same unread articles as tidings, after some were marked read in tidings. Skipped
 * where newsboat is not installed ({@code apt-get install newsboat}).
 */
class NewsboatClientTest {
    @TempDir Path dir;

    static Path newsboat() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, "newsboat");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void newsboatCountsTheSameUnreadArticlesAsTidings() throws Exception {
        Path newsboat = newsboat();
        assumeTrue(newsboat != null, "newsboat is not installed: skipping the real-client test (apt-get install newsboat)");
        try (ApiWorld world = new ApiWorld(dir, true, Duration.ofMillis(50))) {
            // read in tidings: one story (both copies) and one more article
            long budget = world.articlesJson().get("Senate passes budget").get(0).get("id").asLong();
            long naira = world.articlesJson().get("Naira falls").get(0).get("id").asLong();
            world.store.articles().mark(List.of(budget, naira), Mark.READ, Instant.now());
            int unread = world.articlesJson("--unread").values().stream().mapToInt(List::size).sum();
            assertThat(unread).isEqualTo(26);

            Path home = Files.createDirectories(dir.resolve("home"));
            Path config = home.resolve("config");
            Files.writeString(config, String.join("\n",
                    "urls-source \"feedhq\"",
                    "feedhq-url \"" + world.base() + "/\"",
                    "feedhq-login \"" + ApiWorld.USER + "\"",
                    "feedhq-password \"" + ApiWorld.PASSWORD + "\"",
                    "feedhq-show-special-feeds no",
                    "feedhq-min-items 100",
                    "reload-threads 2",
                    ""), StandardCharsets.UTF_8);
            Files.writeString(home.resolve("urls"), "");
            ProcessBuilder builder = new ProcessBuilder(newsboat.toString(), "-C", config.toString(),
                    "-c", home.resolve("cache.db").toString(), "-u", home.resolve("urls").toString(),
                    "-x", "reload", "print-unread")
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("out.txt").toFile());
            builder.environment().put("HOME", home.toString());
            builder.environment().put("XDG_CONFIG_HOME", home.toString());
            builder.environment().put("XDG_DATA_HOME", home.toString());
            Process process = builder.start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("newsboat finished").isTrue();
            String out = Files.readString(home.resolve("out.txt"));
            assertThat(process.exitValue()).as(out).isZero();
            assertThat(out).as(out).contains(unread + " unread articles");
        }
    }
}
