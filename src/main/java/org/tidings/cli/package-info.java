/**
 * The command line and composition root: parses arguments with picocli, builds the HTTP client,
 * the database and the clock, and hands them to the packages that do the work.
 */
@NullMarked
package org.tidings.cli;

import org.jspecify.annotations.NullMarked;
