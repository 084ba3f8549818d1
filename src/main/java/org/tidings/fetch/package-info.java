/**
 * Fetching feed documents: {@link org.tidings.fetch.HttpFetcher} (async HttpClient 5 with global
 * and per-host limits, conditional GET, tidings' own redirect handling, capped and decompressed
 * bodies) and {@code file://} / local paths. Every expected outcome is a {@link
 * org.tidings.fetch.FetchResult} value, never an exception. Also {@link
 * org.tidings.fetch.FeedDiscovery}: finding feeds from a web page. Depends only on model.
 */
@NullMarked
package org.tidings.fetch;

import org.jspecify.annotations.NullMarked;
