package org.tidings.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The test PostgreSQL itself: real server, password required, one fresh database per call. */
class PostgresTest {
    @Test
    void startsARealServerWithPasswordAuthenticationAndFreshDatabases() throws SQLException {
        Postgres.Database first = Postgres.database();
        Postgres.Database second = Postgres.database();
        assertThat(first.name()).isNotEqualTo(second.name());
        try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id bigint PRIMARY KEY)");
            try (ResultSet rows = statement.executeQuery("SELECT current_setting('server_version_num')::int")) {
                rows.next();
                assertThat(rows.getInt(1)).isGreaterThanOrEqualTo(120000);
            }
        }
        try (Connection connection = second.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 't'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(first.jdbcUrl(), first.user(), "wrong"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }
}
