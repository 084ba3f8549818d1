/**
 * The daemon's HTTP server: the Google Reader API for other clients (under {@code /api/greader}),
 * {@code /health} and {@code /metrics}; API users' password hashes and tokens; the JSON shapes of
 * feeds and articles shared with the command line. Sits between {@code sync} and {@code cli}.
 */
@NullMarked
package org.tidings.api;

import org.jspecify.annotations.NullMarked;
