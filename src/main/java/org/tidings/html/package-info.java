/**
 * Feed HTML to text, the one home of that job: {@link org.tidings.html.HtmlText} (one line of plain
 * text: titles, summaries, search text, story shingles) and {@link org.tidings.html.HtmlBlocks} (an
 * article body as blocks with numbered links, for the reader). Depends on nothing else in tidings.
 */
@NullMarked
package org.tidings.html;

import org.jspecify.annotations.NullMarked;
