/**
 * Immutable data shared by every other package: parsed feeds and entries, subscriptions, stored
 * articles. Depends on nothing else in tidings.
 */
@NullMarked
package org.tidings.model;

import org.jspecify.annotations.NullMarked;
