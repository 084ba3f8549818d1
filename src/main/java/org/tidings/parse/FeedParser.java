package org.tidings.parse;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Entry;
import org.tidings.model.FeedFormat;
import org.tidings.model.FeedHints;
import org.tidings.model.ParsedFeed;

/** Reads a feed document into the model. Thread-safe. (Skeleton: replaced by the full parser.) */
public final class FeedParser {

    /**
     * Parses one document.
     *
     * @param document the raw bytes as served
     * @param documentUrl where the document came from, for resolving relative links (may be null)
     * @param contentType the HTTP Content-Type header, for its charset (may be null)
     */
    public ParsedFeed parse(byte[] document, @Nullable URI documentUrl, @Nullable String contentType)
            throws FeedParseException {
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            SyndFeed feed = input.build(new XmlReader(new ByteArrayInputStream(document), contentType, true));
            List<Entry> entries = new ArrayList<>();
            for (SyndEntry e : feed.getEntries()) {
                entries.add(new Entry(e.getUri(), e.getLink(), e.getTitle(),
                        e.getPublishedDate() == null ? null : e.getPublishedDate().toInstant(),
                        e.getUpdatedDate() == null ? null : e.getUpdatedDate().toInstant(),
                        e.getAuthor(), List.of(), List.of(), List.of(), null, null, null));
            }
            return new ParsedFeed(FeedFormat.UNKNOWN, feed.getTitle(), feed.getLink(), feed.getDescription(),
                    feed.getLanguage(), entries, FeedHints.NONE, false, List.of());
        } catch (Exception e) {
            throw new FeedParseException("not a feed: " + e.getMessage(), e);
        }
    }
}
