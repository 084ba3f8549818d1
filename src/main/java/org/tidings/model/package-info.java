/**
 * Immutable data shared by every other package: parsed feeds and entries, subscriptions, stored
 * articles, and {@link org.tidings.model.Messages} (one-line error text). Depends on nothing else
 * in tidings.
 */
@NullMarked
package org.tidings.model;

import org.jspecify.annotations.NullMarked;
