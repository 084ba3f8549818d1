package org.tidings.api;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tidings.api.GoogleReader.Reply;
import org.tidings.api.GoogleReader.Request;
import org.tidings.store.ApiUsers;

/**
 * Who is calling: {@code accounts/ClientLogin} (name and password for a login token), the
 * {@code GoogleLogin auth=} header read back to its user, and the throttle that slows guessing.
 * A missing user costs as long as a wrong password.
 */
final class ReaderLogin {
    private final ApiUsers users;
    private final InstantSource clock;
    private final LoginThrottle throttle;
    private volatile @Nullable String dummyHash;

    ReaderLogin(ApiUsers users, InstantSource clock, Duration failureDelay) {
        this.users = users;
        this.clock = clock;
        this.throttle = new LoginThrottle(failureDelay, clock);
    }

    boolean blocked(String address) {
        return throttle.blocked(address);
    }

    void failed(String address) {
        throttle.failed(address);
    }

    /** The user of a login token, if the token is known. */
    Optional<String> user(String token) {
        return users.tokenUser(Passwords.tokenHash(token));
    }

    Reply login(Request request) {
        String address = request.remoteAddress();
        if (throttle.blocked(address)) {
            return Reply.text(429, "Error=TooManyFailures\n");
        }
        String name = request.param("Email");
        String password = request.param("Passwd");
        if (name != null && password != null) {
            Optional<ApiUsers.Credentials> credentials = users.credentials(name.strip());
            String hash = credentials.map(ApiUsers.Credentials::passwordHash).orElseGet(this::dummyHash);
            boolean ok = Passwords.matches(password.toCharArray(), hash) && credentials.isPresent();
            if (ok) {
                String token = Passwords.newToken();
                users.addToken(credentials.get().userId(), Passwords.tokenHash(token), clock.instant());
                return Reply.text(200, "SID=" + token + "\nLSID=" + token + "\nAuth=" + token + "\n");
            }
        }
        throttle.failed(address);
        return Reply.text(401, "Error=BadAuthentication\n");
    }

    /** A hash checked when the user does not exist, so that takes as long as a wrong password. */
    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = Passwords.hash(Passwords.newToken().substring(0, 20).toCharArray());
            dummyHash = hash;
        }
        return hash;
    }

    static Optional<String> token(@Nullable String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        String prefix = "googlelogin auth=";
        if (value.length() > prefix.length() && value.substring(0, prefix.length()).toLowerCase(Locale.ROOT).equals(prefix)) {
            String token = value.substring(prefix.length()).strip();
            return token.isEmpty() || token.length() > 200 ? Optional.empty() : Optional.of(token);
        }
        return Optional.empty();
    }
}
