/**
 * Reads feed documents (RSS 0.9x/1.0/2.0, Atom 0.3/1.0 through Rome; JSON Feed 1.0/1.1) into
 * {@link org.tidings.model.ParsedFeed}. Rome types never leave this package.
 */
@NullMarked
package org.tidings.parse;

import org.jspecify.annotations.NullMarked;
