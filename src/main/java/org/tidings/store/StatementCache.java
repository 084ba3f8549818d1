package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Statements prepared once per connection and reused by every later batch on it: preparing costs
 * more than binding a feed's rows. A connection is used by one thread at a time.
 */
final class StatementCache {
    private final Map<Connection, Map<String, PreparedStatement>> prepared = new IdentityHashMap<>();

    /** Reads one row of a result. */
    @FunctionalInterface
    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    /** A batch of {@code sql} on the handle's connection, on a statement prepared at most once. */
    Batch batch(Handle handle, String sql) {
        return Batch.reusing(statement(handle, sql, sql), sql);
    }

    /**
     * Runs {@code sql}, whose {@code <in>} stands for an IN list of {@code values} (at most {@link
     * Articles#CHUNK}), after binding {@code leading}, and reads every row. The list is padded to
     * one of a few sizes by repeating its last value (same rows: IN is a set), so that each size is
     * prepared once per connection instead of once per call.
     */
    void query(Handle handle, String sql, List<?> leading, List<?> values, Row row) {
        if (values.isEmpty()) {
            return;
        }
        if (values.size() > Articles.CHUNK) {
            throw new IllegalArgumentException("more than " + Articles.CHUNK + " values");
        }
        int size = values.size() <= 8 ? 8 : values.size() <= 32 ? 32 : values.size() <= 128 ? 128 : Articles.CHUNK;
        PreparedStatement statement = statement(handle, sql + "\u0000" + size,
                sql.replace("<in>", "?" + ", ?".repeat(size - 1)));
        try {
            int column = 1;
            for (Object value : leading) {
                statement.setObject(column++, value);
            }
            for (int i = 0; i < size; i++) {
                statement.setObject(column++, values.get(Math.min(i, values.size() - 1)));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot run " + sql.strip().lines().findFirst().orElse(sql) + ": " + e.getMessage(), e);
        }
    }

    private PreparedStatement statement(Handle handle, String key, String sql) {
        Connection connection = handle.getConnection();
        try {
            Map<String, PreparedStatement> statements;
            synchronized (prepared) {
                statements = prepared.get(connection);
                if (statements == null) {
                    // Connections closed by the pool since: drop their statements.
                    prepared.keySet().removeIf(StatementCache::isClosed);
                    statements = new HashMap<>();
                    prepared.put(connection, statements);
                }
            }
            PreparedStatement statement = statements.get(key);
            if (statement == null || statement.isClosed()) {
                statement = connection.prepareStatement(sql);
                statements.put(key, statement);
            }
            return statement;
        } catch (SQLException e) {
            throw new StoreException("cannot prepare " + sql.strip().lines().findFirst().orElse(sql) + ": " + e.getMessage(), e);
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
