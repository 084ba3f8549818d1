package org.tidings.fetch;

import java.util.concurrent.CompletableFuture;

/**
 * Fetches feed documents. The future never completes exceptionally: every outcome, including
 * timeouts and refused connections, is a {@link FetchResult}.
 */
@FunctionalInterface
public interface Fetcher {
    CompletableFuture<FetchResult> fetch(FetchRequest request);
}
