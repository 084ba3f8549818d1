package org.tidings.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Feed;
import org.tidings.model.FeedHealth;

/** Column lists and row mappers shared by the stores. */
final class Rows {
    private Rows() {}

    static final String FEED_COLUMNS = """
            f.id, f.url, f.feed_title, f.custom_title, f.site_url, fo.name AS folder, t.name AS topic,
            f.etag, f.last_modified, f.last_status, f.last_attempt_at, f.last_success_at, f.last_error,
            f.consecutive_failures, f.next_poll_at, f.disabled, f.disabled_reason, f.redirect_candidate,
            f.added_at, f.unread, f.total""";

    static final String FEED_FROM = """
            feeds f
            LEFT JOIN folders fo ON fo.id = f.folder_id
            LEFT JOIN topics t ON t.id = f.topic_id""";

    static final RowMapper<Feed> FEED = (rs, ctx) -> feed(rs);

    static Feed feed(ResultSet rs) throws SQLException {
        String url = rs.getString("url");
        String feedTitle = rs.getString("feed_title");
        String custom = rs.getString("custom_title");
        String title = custom != null ? custom : feedTitle != null ? feedTitle : url;
        FeedHealth health = new FeedHealth(
                integer(rs, "last_status"),
                instant(rs, "last_attempt_at"),
                instant(rs, "last_success_at"),
                rs.getString("last_error"),
                rs.getInt("consecutive_failures"));
        return new Feed(
                rs.getLong("id"),
                url,
                title,
                feedTitle,
                rs.getString("site_url"),
                rs.getString("folder"),
                rs.getString("topic"),
                rs.getString("etag"),
                rs.getString("last_modified"),
                health,
                instant(rs, "next_poll_at"),
                rs.getInt("disabled") != 0,
                rs.getString("disabled_reason"),
                rs.getString("redirect_candidate"),
                Instant.ofEpochMilli(rs.getLong("added_at")));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static @Nullable Long millis(@Nullable Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
