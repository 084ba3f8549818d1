/**
 * A fetched web page → its main text: readability extraction (readability4j on jsoup) and
 * sanitizing (jsoup's {@code Cleaner}); jsoup and readability4j types never leave the package.
 * Rules: docs/FULLTEXT.md.
 */
@NullMarked
package org.tidings.page;

import org.jspecify.annotations.NullMarked;
