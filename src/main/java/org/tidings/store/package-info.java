/**
 * Storage: the SQLite database via Jdbi, and the only package with SQL. {@link
 * org.tidings.store.Store} opens and migrates a database; {@link org.tidings.store.FeedStore} keeps
 * subscriptions and their fetch state; {@link org.tidings.store.Store#ingest} stores a parsed feed
 * applying the identity and de-duplication rules of docs/DEDUP.md; {@link
 * org.tidings.store.ArticleStore} answers the reader's queries. Dialect-specific SQL sits behind
 * {@link org.tidings.store.Dialect}. Depends only on {@code org.tidings.model}.
 */
@NullMarked
package org.tidings.store;

import org.jspecify.annotations.NullMarked;
