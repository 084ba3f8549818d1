package org.tidings.cli;

import java.io.IOException;
import java.net.URI;
import java.time.InstantSource;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.tidings.cli.Config.Key;
import org.tidings.fetch.FetchConfig;
import org.tidings.fetch.HttpFetcher;
import org.tidings.fetch.ProxySettings;
import org.tidings.page.PageExtractor;
import org.tidings.parse.FeedParser;
import org.tidings.rules.RuleSet;
import org.tidings.store.DatabaseLocation;
import org.tidings.store.Store;
import org.tidings.store.StoreOptions;
import org.tidings.sync.Backoff;
import org.tidings.sync.FullTextFetcher;
import org.tidings.sync.BackoffPolicy;
import org.tidings.sync.PollPolicy;
import org.tidings.sync.PollScheduler;
import org.tidings.sync.SharedHostLimits;
import org.tidings.sync.SyncWorker;
import org.tidings.sync.Syncer;

/**
 * The composition root, the one place commands get their parts from: builds the store, the
 * clock, the fetcher, the parser and the syncer from the configuration, once per command, and
 * closes them in order. Commands that need only the database use {@link #openStore(TidingsCommand)}.
 */
final class Services implements AutoCloseable {
    final Config config;
    final DatabaseLocation location;
    final InstantSource clock;
    final Store store;
    final RuleSet rules;
    private @Nullable HttpFetcher fetcher;
    private @Nullable FullTextFetcher pages;
    private @Nullable Syncer syncer;
    private @Nullable SharedHostLimits hostLimits;

    private Services(Config config, RuleSet rules, DatabaseLocation location, InstantSource clock, Store store) {
        this.config = config;
        this.rules = rules;
        this.location = location;
        this.clock = clock;
        this.store = store;
    }

    /** Loads the configuration and opens (creating and migrating) the database. */
    static Services open(TidingsCommand top) throws Config.ConfigException, IOException {
        Config config = top.loadConfig();
        RuleSet rules = RulesConfig.load(top.configPath());
        DatabaseLocation db = top.databaseLocation();
        return new Services(config, rules, db, clock(), openStore(top, db, config));
    }

    /**
     * Opens (creating and migrating) the configured database, for commands that need nothing
     * else; a bad configuration is an IllegalArgumentException with its one-line message.
     */
    static Store openStore(TidingsCommand top) {
        try {
            return openStore(top, top.databaseLocation(), top.loadConfig());
        } catch (Config.ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Store openStore(TidingsCommand top, DatabaseLocation db, Config config) throws IOException {
        top.ensureDatabaseDirectory(db);
        return Store.open(db, StoreOptions.DEFAULTS.withMarkStoryCopies(config.bool(Key.STORE_MARK_COPIES_READ)));
    }

    /** The clock commands use: the one place for time. */
    static InstantSource clock() {
        return InstantSource.system();
    }

    static FetchConfig fetchConfig(Config config, Map<String, String> environment) {
        String proxy = config.optional(Key.FETCH_PROXY);
        ProxySettings proxySettings = proxy == null
                ? ProxySettings.fromEnvironment(environment)
                : new ProxySettings(URI.create(proxy), URI.create(proxy), ProxySettings.fromEnvironment(environment).noProxy());
        String userAgent = config.optional(Key.FETCH_USER_AGENT);
        FetchConfig fetch = FetchConfig.defaults(Version.version(), Version.HOME_PAGE)
                .withConcurrency(config.integer(Key.FETCH_CONCURRENCY), config.integer(Key.FETCH_PER_HOST))
                .withTimeouts(config.duration(Key.FETCH_CONNECT_TIMEOUT), config.duration(Key.FETCH_READ_TIMEOUT),
                        config.duration(Key.FETCH_REQUEST_TIMEOUT))
                .withMaxBodyBytes(config.bytes(Key.FETCH_MAX_BODY))
                .withProxy(proxySettings);
        if (userAgent != null) {
            fetch = new FetchConfig(fetch.concurrency(), fetch.perHost(), fetch.connectTimeout(), fetch.readTimeout(),
                    fetch.requestTimeout(), fetch.maxBodyBytes(), fetch.maxRedirects(), userAgent, fetch.proxy());
        }
        return fetch;
    }

    synchronized HttpFetcher fetcher() {
        if (fetcher == null) {
            fetcher = new HttpFetcher(fetchConfig(config, System.getenv()), clock);
        }
        return fetcher;
    }

    /**
     * On a server database, the limits per host that hold across all workers (advisory locks,
     * {@link SharedHostLimits}), for feeds and article pages alike; null on SQLite.
     */
    private synchronized @Nullable SharedHostLimits sharedLimits() {
        if (hostLimits == null) {
            store.hostLocks().ifPresent(locks ->
                    hostLimits = new SharedHostLimits(fetcher(), fetcher(), locks, config.integer(Key.FETCH_PER_HOST)));
        }
        return hostLimits;
    }

    /** The syncer of a {@code tidings sync} ("sync") or a daemon ("daemon"), a worker of the database. */
    synchronized Syncer syncer() {
        return syncer("sync");
    }

    synchronized Syncer syncer(String kind) {
        if (syncer == null) {
            PollPolicy policy = new PollPolicy(config.duration(Key.SCHEDULE_MIN_INTERVAL),
                    config.duration(Key.SCHEDULE_MAX_INTERVAL), PollPolicy.DEFAULT.fallback());
            SharedHostLimits limits = sharedLimits();
            syncer = new Syncer(store, limits != null ? limits : fetcher(), new FeedParser(), new PollScheduler(policy, clock),
                    new Backoff(BackoffPolicy.DEFAULT, clock, new Random()), clock, new Syncer.Extras(rules.isEmpty() ? Store.NO_RULES : rules, pages()),
                    new SyncWorker(store, kind, config.duration(Key.SYNC_LEASE), clock));
        }
        return syncer;
    }

    /** Fetches article pages for their full text (docs/FULLTEXT.md). */
    synchronized FullTextFetcher pages() {
        if (pages == null) {
            SharedHostLimits limits = sharedLimits();
            pages = new FullTextFetcher(store, limits != null ? limits : fetcher(), new PageExtractor(), clock);
        }
        return pages;
    }

    @Override
    public void close() throws Exception {
        try {
            if (syncer != null) {
                syncer.close();
            }
            if (pages != null) {
                pages.close();
            }
            if (hostLimits != null) {
                hostLimits.close();
            }
        } finally {
            try {
                if (fetcher != null) {
                    fetcher.close();
                }
            } finally {
                store.close();
            }
        }
    }
}
