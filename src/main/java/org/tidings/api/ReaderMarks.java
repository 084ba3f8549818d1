package org.tidings.api;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tidings.api.GoogleReader.Reply;
import org.tidings.api.GoogleReader.Request;
import org.tidings.store.ApiStore;
import org.tidings.store.ApiStore.StreamQuery;
import org.tidings.store.Mark;
import org.tidings.store.Store;

/**
 * Read and starred marks: {@code edit-tag} (add or remove the read, kept-unread and starred
 * states on items) and {@code mark-all-as-read} (a stream up to a time). Marks go through
 * {@code ArticleStore.mark}, so the copies of a story follow.
 */
final class ReaderMarks {
    private final Store store;
    private final ApiStore api;
    private final ReaderStreams streams;
    private final InstantSource clock;

    ReaderMarks(Store store, ReaderStreams streams, InstantSource clock) {
        this.store = store;
        this.api = store.api();
        this.streams = streams;
        this.clock = clock;
    }

    Reply editTag(Request request) {
        List<Long> ids = ReaderStreams.itemIds(request);
        List<Mark> marks = new ArrayList<>();
        for (String tag : request.params("a")) {
            StreamId added = StreamId.parse(tag);
            if (added == StreamId.State.READ) {
                marks.add(Mark.READ);
            } else if (added == StreamId.State.KEPT_UNREAD) {
                marks.add(Mark.UNREAD);
            } else if (added == StreamId.State.STARRED) {
                marks.add(Mark.STAR);
            }
        }
        for (String tag : request.params("r")) {
            StreamId removed = StreamId.parse(tag);
            if (removed == StreamId.State.READ) {
                marks.add(Mark.UNREAD);
            } else if (removed == StreamId.State.STARRED) {
                marks.add(Mark.UNSTAR);
            }
        }
        if (marks.contains(Mark.READ) && marks.contains(Mark.UNREAD)) {
            throw new BadRequest("cannot mark items read and unread at once");
        }
        Set<Long> known = api.existing(ids);
        Instant now = clock.instant();
        for (Mark mark : marks) {
            store.articles().mark(known, mark, now);
        }
        return Reply.text(200, "OK");
    }

    Reply markAllAsRead(Request request) {
        String s = request.param("s");
        if (s == null || s.isBlank()) {
            throw new BadRequest("no stream (s=)");
        }
        StreamQuery query = streams.query(StreamId.parse(s));
        Instant now = clock.instant();
        Instant upTo = now;
        String ts = request.param("ts");
        if (ts != null && !ts.isBlank()) {
            long value;
            try {
                value = Long.parseLong(ts.strip());
            } catch (NumberFormatException e) {
                throw new BadRequest("malformed ts: " + ItemIds.shorten(ts));
            }
            if (value < 0) {
                throw new BadRequest("malformed ts: " + ItemIds.shorten(ts));
            }
            // microseconds as Google Reader sends it; milliseconds and seconds are accepted too
            upTo = value > 100_000_000_000_000L ? Instant.ofEpochMilli(value / 1000)
                    : value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        }
        api.markAllRead(query, upTo, now);
        return Reply.text(200, "OK");
    }
}
