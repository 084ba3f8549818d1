package org.tidings.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Who may use the daemon's sync API: its users (password hashes, optional Fever keys), their
 * login tokens (stored as hashes), and the look-ups a login needs. The API is off until a user
 * exists ({@link #hasUsers()}). Hashing and checking passwords live in {@code api.Passwords};
 * this class stores and finds them.
 */
public final class ApiUsers {
    private final Jdbi jdbi;

    ApiUsers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An API user as listed: never the password hash. */
    public record ApiUser(String name, Instant createdAt, int tokens) {}

    /** A user's stored password hash, to check a login against. */
    public record Credentials(long userId, String name, String passwordHash) {}

    /** Adds a user; false when the name is taken. */
    public boolean addUser(String name, String passwordHash, Instant now) {
        return addUser(name, passwordHash, null, now);
    }

    /** Adds a user, with a Fever API key (null: no Fever access); false when the name is taken. */
    public boolean addUser(String name, String passwordHash, @Nullable String feverKey, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        INSERT INTO api_users (name, password_hash, fever_key, created_at) VALUES (:name, :hash, :fever, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("name", name)
                .bind("hash", passwordHash)
                .bind("fever", feverKey)
                .bind("now", now.toEpochMilli())
                .execute() > 0);
    }

    /** Removes a user and its tokens; false when there is no such user. */
    public boolean removeUser(String name) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM api_tokens WHERE user_id IN (SELECT id FROM api_users WHERE name = :name)")
                    .bind("name", name)
                    .execute();
            return handle.createUpdate("DELETE FROM api_users WHERE name = :name").bind("name", name).execute() > 0;
        });
    }

    /** Revokes every token of a user; empty when there is no such user, else how many went. */
    public Optional<Integer> revokeTokens(String name) {
        return jdbi.inTransaction(handle -> {
            Optional<Long> id = handle.createQuery("SELECT id FROM api_users WHERE name = :name")
                    .bind("name", name)
                    .mapTo(Long.class)
                    .findOne();
            return id.map(userId -> handle.createUpdate("DELETE FROM api_tokens WHERE user_id = :id")
                    .bind("id", userId)
                    .execute());
        });
    }

    public List<ApiUser> users() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT u.name, u.created_at, (SELECT count(*) FROM api_tokens t WHERE t.user_id = u.id)
                          FROM api_users u ORDER BY u.name""")
                .map((rs, ctx) -> new ApiUser(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getInt(3)))
                .list());
    }

    public boolean hasUsers() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT CASE WHEN EXISTS (SELECT 1 FROM api_users) THEN 1 ELSE 0 END")
                .mapTo(Integer.class)
                .one() != 0);
    }

    public Optional<Credentials> credentials(String name) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, name, password_hash FROM api_users WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> new Credentials(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .findOne());
    }

    /** Stores a token's hash for a user. */
    public void addToken(long userId, String tokenHash, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "INSERT INTO api_tokens (token_hash, user_id, created_at) VALUES (:hash, :user, :now)")
                .bind("hash", tokenHash)
                .bind("user", userId)
                .bind("now", now.toEpochMilli())
                .execute());
    }

    /** The name of the user with this Fever API key. */
    public Optional<String> feverUser(String key) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT name FROM api_users WHERE fever_key = :key")
                .bind("key", key)
                .mapTo(String.class)
                .findOne());
    }

    /** The name of the user a token hash belongs to. */
    public Optional<String> tokenUser(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT u.name FROM api_tokens t JOIN api_users u ON u.id = t.user_id WHERE t.token_hash = :hash")
                .bind("hash", tokenHash)
                .mapTo(String.class)
                .findOne());
    }
}
