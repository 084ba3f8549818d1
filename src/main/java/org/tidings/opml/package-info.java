/**
 * Reads and writes subscription lists: OPML 1.0/2.0 ({@link org.tidings.opml.OpmlReader},
 * {@link org.tidings.opml.OpmlWriter}) and newsboat {@code urls} files ({@link
 * org.tidings.opml.NewsboatUrlsReader}), to and from {@link org.tidings.model.Subscription}.
 * Pure functions over bytes: no network, no database, no clock. The rules are in {@code
 * docs/OPML.md}. Depends only on {@code model}.
 */
@NullMarked
package org.tidings.opml;

import org.jspecify.annotations.NullMarked;
