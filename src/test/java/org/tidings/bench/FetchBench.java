package org.tidings.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.tidings.fetch.FetchConfig;
import org.tidings.fetch.FetchRequest;
import org.tidings.fetch.FetchResult;
import org.tidings.fetch.HttpFetcher;
import org.tidings.fetch.Validators;

/**
 * Fetch-only benchmark (no parsing, no store): fetches every URL of a file once unconditionally
 * (cold) and once with the validators received (warm, all 304 against {@code FeedServer}), and
 * prints wall and CPU time of each phase. Run against {@code FeedServer.main} in another JVM (see
 * {@code src/test/scripts/fetch-bench.sh}), so the server's CPU is not counted.
 *
 * <p>Arguments: {@code URLS_FILE [CONCURRENCY [PER_HOST]]}.
 */
public final class FetchBench {
    private FetchBench() {}

    public static void main(String[] args) throws Exception {
        List<String> urls = Files.readAllLines(Path.of(args[0]));
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : FetchConfig.DEFAULT_CONCURRENCY;
        int perHost = args.length > 2 ? Integer.parseInt(args[2]) : FetchConfig.DEFAULT_PER_HOST;
        FetchConfig config = FetchConfig.defaults("bench", "https://github.com/tidings-reader/tidings")
                .withConcurrency(concurrency, perHost);
        long start = System.nanoTime();
        HttpFetcher fetcher = new HttpFetcher(config, InstantSource.system());
        System.out.printf("start: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        try (fetcher) {
            Map<String, Validators> validators = new LinkedHashMap<>();
            phase("cold", fetcher, urls, validators);
            phase("warm", fetcher, urls, validators);
            if (Boolean.getBoolean("bench.again")) {
                validators.clear();
                phase("cold again (JIT warm)", fetcher, urls, validators);
                phase("warm again", fetcher, urls, validators);
            }
            start = System.nanoTime();
        }
        System.out.printf("close: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    private static void phase(String name, HttpFetcher fetcher, List<String> urls,
            Map<String, Validators> validators) {
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        List<CompletableFuture<FetchResult>> futures = new ArrayList<>(urls.size());
        for (String url : urls) {
            futures.add(fetcher.fetch(FetchRequest.conditional(url, validators.getOrDefault(url, Validators.NONE))));
        }
        int fetched = 0;
        int notModified = 0;
        int failed = 0;
        long bytes = 0;
        for (int i = 0; i < urls.size(); i++) {
            FetchResult result = futures.get(i).join();
            if (result instanceof FetchResult.Fetched f) {
                fetched++;
                bytes += f.body().length;
                validators.put(urls.get(i), f.validators());
            } else if (result instanceof FetchResult.NotModified) {
                notModified++;
            } else {
                failed++;
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - t0);
        Duration cpu = Duration.ofNanos(cpuNanos() - cpu0);
        System.out.printf("%s: %d feeds, %d fetched (%d KB), %d not modified, %d failed; wall %.2f s, cpu %.2f s%n",
                name, urls.size(), fetched, bytes / 1024, notModified, failed,
                wall.toMillis() / 1000.0, cpu.toMillis() / 1000.0);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
