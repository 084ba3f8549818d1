package org.tidings.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * A JDBC batch of one statement on the handle's connection, bound by position. Ingest binds
 * hundreds of thousands of rows; Jdbi's named binding (argument factories looked up per value)
 * cost more there than the inserts themselves, so the hot statements bind plain JDBC.
 */
final class Batch implements AutoCloseable {
    private final String sql;
    private final PreparedStatement statement;
    private final boolean owned;
    private int column;
    private int size;

    Batch(Handle handle, String sql) {
        this.sql = sql;
        this.owned = true;
        try {
            this.statement = handle.getConnection().prepareStatement(sql);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private Batch(PreparedStatement statement, String sql) {
        this.sql = sql;
        this.statement = statement;
        this.owned = false;
    }

    /** A batch on a statement prepared earlier and kept by the caller: closing leaves it open. */
    static Batch reusing(PreparedStatement statement, String sql) {
        return new Batch(statement, sql);
    }

    Batch text(@Nullable String value) {
        try {
            if (value == null) {
                statement.setNull(++column, Types.VARCHAR);
            } else {
                statement.setString(++column, value);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return this;
    }

    Batch integer(long value) {
        try {
            statement.setLong(++column, value);
        } catch (SQLException e) {
            throw failure(e);
        }
        return this;
    }

    Batch integer(@Nullable Long value) {
        if (value == null) {
            try {
                statement.setNull(++column, Types.BIGINT);
            } catch (SQLException e) {
                throw failure(e);
            }
            return this;
        }
        return integer(value.longValue());
    }

    Batch bytes(byte @Nullable [] value) {
        try {
            if (value == null) {
                statement.setNull(++column, Types.BINARY); // not BLOB: PostgreSQL takes that for a large object
            } else {
                statement.setBytes(++column, value);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return this;
    }

    /** Ends the current row. */
    void add() {
        try {
            statement.addBatch();
        } catch (SQLException e) {
            throw failure(e);
        }
        column = 0;
        size++;
    }

    int size() {
        return size;
    }

    /** Runs the rows added so far (none: nothing to do). */
    void execute() {
        if (size == 0) {
            return;
        }
        try {
            statement.executeBatch();
        } catch (SQLException e) {
            throw failure(e);
        }
        size = 0;
    }

    @Override
    public void close() {
        try {
            if (owned) {
                statement.close();
            } else {
                statement.clearBatch();
                statement.clearParameters();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private StoreException failure(SQLException e) {
        return new StoreException("cannot run " + sql.strip().lines().findFirst().orElse(sql) + ": " + e.getMessage(), e);
    }
}
