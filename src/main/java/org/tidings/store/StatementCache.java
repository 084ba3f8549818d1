package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Statements prepared once per connection and reused by every later batch on it: preparing costs
 * more than binding a feed's rows. A connection is used by one thread at a time.
 */
final class StatementCache {
    private final Map<Connection, Map<String, PreparedStatement>> prepared = new IdentityHashMap<>();

    /** A batch of {@code sql} on the handle's connection, on a statement prepared at most once. */
    Batch batch(Handle handle, String sql) {
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
            PreparedStatement statement = statements.get(sql);
            if (statement == null || statement.isClosed()) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return Batch.reusing(statement, sql);
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
