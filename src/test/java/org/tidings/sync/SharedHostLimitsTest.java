package org.tidings.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.tidings.fetch.FetchConfig;
import org.tidings.fetch.HttpFetcher;
import org.tidings.store.DatabaseLocation;
import org.tidings.store.Store;
import org.tidings.testing.FeedServer;
import org.tidings.testing.Postgres;

/**
 * A host's limit holds across the workers of one PostgreSQL database for article pages (full
 * text) as for feeds: two workers, each with a fetcher allowing 8 requests per host, share 2
 * slots of the host.
 */
class SharedHostLimitsTest {
    private static final int PAGES = 8;

    @Test
    void pageFetchesOfTwoWorkersShareTheHostsSlots() throws Exception {
        String url = Postgres.database().url();
        FetchConfig config = FetchConfig.defaults("test", "http://127.0.0.1/").withConcurrency(16, 8);
        try (FeedServer server = FeedServer.start(PAGES, 1, 1, Duration.ofMillis(150));
                Store first = Store.open(DatabaseLocation.parse(url));
                Store second = Store.open(DatabaseLocation.parse(url));
                HttpFetcher firstFetcher = new HttpFetcher(config, InstantSource.system());
                HttpFetcher secondFetcher = new HttpFetcher(config, InstantSource.system())) {
            // without shared slots, one worker alone goes past 2 at once
            fetchAll(firstFetcher::fetchPage, server);
            assertThat(server.maxInFlightPerHost()).isGreaterThan(2);
            server.resetCounters();

            try (SharedHostLimits one = new SharedHostLimits(firstFetcher, firstFetcher, first.hostLocks().orElseThrow(), 2);
                    SharedHostLimits two = new SharedHostLimits(secondFetcher, secondFetcher, second.hostLocks().orElseThrow(), 2)) {
                List<CompletableFuture<?>> all = new ArrayList<>();
                all.addAll(send(one::fetchPage, server));
                all.addAll(send(two::fetchPage, server));
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
            }
            assertThat(server.requests()).isEqualTo(2 * PAGES);
            assertThat(server.maxInFlightPerHost()).isBetween(1, 2);
        }
    }

    private interface PageSender {
        CompletableFuture<?> fetchPage(String url);
    }

    private static List<CompletableFuture<?>> send(PageSender sender, FeedServer server) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (String page : server.feedUrls()) {
            sent.add(sender.fetchPage(page));
        }
        return sent;
    }

    private static void fetchAll(PageSender sender, FeedServer server) throws Exception {
        CompletableFuture.allOf(send(sender, server).toArray(CompletableFuture[]::new)).get();
    }
}
