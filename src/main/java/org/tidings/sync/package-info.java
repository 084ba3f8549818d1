/**
 * One sync: which feeds are due, fetch, parse, store, and when to poll each feed next. Also the
 * daemon's loop, its process lock and metrics (served by {@code api}). The only package where fetch, parse
 * and store meet.
 */
@NullMarked
package org.tidings.sync;

import org.jspecify.annotations.NullMarked;
