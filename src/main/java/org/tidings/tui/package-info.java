/**
 * The terminal reader, drawn with Lanterna's Screen layer. {@link org.tidings.tui.ReaderApp} runs
 * it; it reads and writes articles only through {@link org.tidings.tui.ReaderData} and reloads
 * feeds through {@link org.tidings.tui.Reloader}, so it knows no SQL and no HTTP. Every string from
 * a feed passes {@link org.tidings.tui.TerminalText} before it reaches the terminal.
 */
@NullMarked
package org.tidings.tui;

import org.jspecify.annotations.NullMarked;
