package org.tidings.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Secrets of the sync API: passwords are kept only as bcrypt hashes (Bouncy Castle), login tokens
 * are random and kept only as SHA-256 hashes, and the {@code T} token of write calls is derived
 * from the login token (so it needs no storage and dies with it).
 */
public final class Passwords {
    /** bcrypt's work factor: 2^11 rounds, about 0.1-0.2 s a check. */
    static final int COST = 11;
    /** bcrypt reads at most 72 bytes of a password. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Passwords() {}

    /** A salted bcrypt hash of the password; throws IllegalArgumentException when it cannot be hashed. */
    public static String hash(char[] password) {
        check(password);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password, salt, COST);
    }

    /** Whether the password matches the hash (false for a password bcrypt cannot take). */
    public static boolean matches(char[] password, String hash) {
        Objects.requireNonNull(hash, "hash");
        if (problem(password) != null) {
            return false;
        }
        try {
            return OpenBSDBCrypt.checkPassword(hash, password);
        } catch (IllegalArgumentException | org.bouncycastle.crypto.DataLengthException e) {
            return false;
        }
    }

    /** Throws IllegalArgumentException with a one-line message for a password that cannot be used. */
    public static void check(char[] password) {
        String problem = problem(password);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static String problem(char[] password) {
        if (password.length == 0) {
            return "the password is empty";
        }
        if (new String(password).getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return "the password is longer than " + MAX_PASSWORD_BYTES + " bytes";
        }
        return null;
    }

    /** A new login token: 32 random bytes in hex. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    /** What is stored of a token. */
    static String tokenHash(String token) {
        return HEX.formatHex(sha256("auth:" + token));
    }

    /** The {@code T} token of write calls for a login token: 57 characters, as Google Reader's. */
    static String actionToken(String token) {
        return HEX.formatHex(sha256("action:" + token)).substring(0, 57);
    }

    /** Compares secrets in constant time. */
    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
