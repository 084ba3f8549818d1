package org.tidings.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * Keeps a few idle connections open between calls. Opening a SQLite connection parses the schema,
 * and closing the last one checkpoints and deletes the WAL file: per-call connections made every
 * ingest pay a full checkpoint. Connections come back only in autocommit mode, else they are
 * closed.
 */
final class PooledConnections implements ConnectionFactory, AutoCloseable {
    private final DataSource dataSource;
    private final int maxIdle;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    PooledConnections(DataSource dataSource, int maxIdle) {
        this.dataSource = dataSource;
        this.maxIdle = maxIdle;
    }

    @Override
    public Connection openConnection() throws SQLException {
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            if (!connection.isClosed()) {
                return connection;
            }
        }
        Connection connection = dataSource.getConnection();
        try {
            Bodies.register(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        if (closed.get() || connection.isClosed() || !connection.getAutoCommit() || idle.size() >= maxIdle) {
            connection.close();
            return;
        }
        idle.addFirst(connection);
    }

    /** Closes the idle connections; connections in use close when they come back. */
    @Override
    public void close() {
        closed.set(true);
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing: nothing left to do with it
            }
        }
    }
}
