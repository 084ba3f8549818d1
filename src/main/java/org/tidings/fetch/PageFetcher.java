package org.tidings.fetch;

import java.util.concurrent.CompletableFuture;

/**
 * Fetches web pages (the article behind a feed entry). Like {@link Fetcher}, the future never
 * completes exceptionally: every outcome is a {@link FetchResult}.
 */
@FunctionalInterface
public interface PageFetcher {
    CompletableFuture<FetchResult> fetchPage(String url);
}
