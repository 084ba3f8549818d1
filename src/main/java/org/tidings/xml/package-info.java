/**
 * Reading XML bytes safely and leniently, for every package that reads XML (feeds, subscription
 * lists, feed discovery): charset detection, hardened parsers (no DTD or external entity is ever
 * loaded, entity expansion and nesting are bounded), repairs, and a lenient last resort. Depends on
 * nothing else in tidings.
 */
@NullMarked
package org.tidings.xml;

import org.jspecify.annotations.NullMarked;
