/**
 * Rules that sort the stream (docs/RULES.md): a field, a regular expression, an action and an
 * optional feed or folder limit; pure matching on {@code model} records, no I/O.
 */
@NullMarked
package org.tidings.rules;

import org.jspecify.annotations.NullMarked;
