/**
 * Fetch, parse and store orchestration, and its policies: {@link org.tidings.sync.PollScheduler}
 * (when to poll a feed next) and {@link org.tidings.sync.Backoff} (when to retry a failing one).
 * Depends on model, fetch, parse and store.
 */
@NullMarked
package org.tidings.sync;

import org.jspecify.annotations.NullMarked;
