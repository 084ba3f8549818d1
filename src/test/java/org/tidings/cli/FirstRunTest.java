package org.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.tidings.store.Backend;
import picocli.CommandLine;

/**
 * The reader's first run imports the default feeds into a database that has none and never had
 * them offered, the same on a new SQLite file and an empty PostgreSQL database (a flag in the
 * database, not "the file did not exist").
 */
@ParameterizedClass
@EnumSource(Backend.class)
class FirstRunTest {
    @Parameter Backend backend;
    @TempDir Path dir;

    private static final String DEFAULTS = """
            <opml version="2.0"><body><outline text="News">
              <outline text="One" xmlUrl="http://127.0.0.1:9/one.xml"/>
              <outline text="Two" xmlUrl="http://127.0.0.1:9/two.xml"/>
            </outline></body></opml>
            """;

    private String db;
    private Path config;

    private Services open() throws Exception {
        if (db == null) {
            db = backend.dbOption(dir);
            config = Files.writeString(dir.resolve("config.toml"), "");
        }
        TidingsCommand top = new TidingsCommand();
        new CommandLine(top).parseArgs("--db", db, "--config", config.toString());
        return Services.open(top);
    }

    private int feeds(Services services) {
        return services.store.feeds().list().size();
    }

    @Test
    void importsTheDefaultFeedsIntoANewDatabaseOnce() throws Exception {
        Path opml = Files.writeString(dir.resolve("feeds.opml"), DEFAULTS);
        try (Services services = open()) {
            TidingsCommand.importDefaults(services, opml.toString());
            assertThat(feeds(services)).isEqualTo(2);
        }
        Files.writeString(opml, DEFAULTS.replace("two.xml", "three.xml"));
        try (Services services = open()) {
            TidingsCommand.importDefaults(services, opml.toString());
            assertThat(feeds(services)).isEqualTo(2);
        }
    }

    @Test
    void doesNotOfferThemAgainOnceAllFeedsAreRemoved() throws Exception {
        Path opml = Files.writeString(dir.resolve("feeds.opml"), DEFAULTS);
        try (Services services = open()) {
            TidingsCommand.importDefaults(services, opml.toString());
            services.store.feeds().list().forEach(feed -> services.store.feeds().remove(feed.id(), false));
        }
        try (Services services = open()) {
            TidingsCommand.importDefaults(services, opml.toString());
            assertThat(feeds(services)).isZero();
        }
    }

    @Test
    void aDatabaseMadeByAnotherCommandStillGetsThemOnTheReadersFirstRun() throws Exception {
        try (Services services = open()) {
            assertThat(services.store.subscriptionLists().defaultsDue()).isTrue();
        }
        Path opml = Files.writeString(dir.resolve("feeds.opml"), DEFAULTS);
        try (Services services = open()) {
            TidingsCommand.importDefaults(services, opml.toString());
            assertThat(feeds(services)).isEqualTo(2);
        }
    }

    @Test
    void anImportedListIsNotJoinedByTheDefaults() throws Exception {
        Path mine = Files.writeString(dir.resolve("mine.opml"), DEFAULTS.replace("one.xml", "mine.xml"));
        open().close();
        assertThat(org.tidings.testing.Cli.run("--db", db, "--config", config.toString(), "import", mine.toString()).code())
                .isZero();
        Path opml = Files.writeString(dir.resolve("feeds.opml"), DEFAULTS.replace("two.xml", "other.xml"));
        try (Services services = open()) {
            TidingsCommand.importDefaults(services, opml.toString());
            assertThat(services.store.feeds().list()).extracting(feed -> feed.url())
                    .containsExactlyInAnyOrder("http://127.0.0.1:9/mine.xml", "http://127.0.0.1:9/two.xml");
        }
    }

    @Test
    void aMissingDefaultsFileIsOfferedOnceAndImportsNothing() throws Exception {
        try (Services services = open()) {
            TidingsCommand.importDefaults(services, dir.resolve("missing.opml").toString());
            assertThat(feeds(services)).isZero();
            assertThat(services.store.subscriptionLists().defaultsDue()).isFalse();
        }
    }
}
