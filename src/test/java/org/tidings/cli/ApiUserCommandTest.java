package org.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.api.Passwords;
import org.tidings.store.Store;
import org.tidings.testing.Cli;
import org.tidings.testing.Cli.Result;

/** {@code tidings api-user add|list|remove|revoke} on a real database file. */
class ApiUserCommandTest {
    @TempDir Path dir;

    private Result run(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", dir.resolve("t.db").toString()));
        all.addAll(List.of(args));
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return Cli.run(all.toArray(String[]::new));
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void addsUsersFromStandardInputAndAFileAndListsThem() throws Exception {
        Result fromStdin = run("s3cret words\n", "api-user", "add", "alice");
        assertThat(fromStdin.code()).isZero();
        assertThat(fromStdin.out()).startsWith("added API user alice; point a Google Reader client at http://HOST:PORT/api/greader");
        Path file = dir.resolve("pw");
        Files.writeString(file, "other secret\nignored second line\n");
        assertThat(run("", "api-user", "add", "bob", "--password-file", file.toString()).code()).isZero();

        Result list = run("", "api-user", "list");
        assertThat(list.out().lines().map(l -> l.split(" ")[0]).toList()).containsExactly("alice", "bob");
        assertThat(run("", "api-user", "list", "--json").out()).contains("\"name\":\"alice\"", "\"tokens\":0");

        try (Store store = Store.open(dir.resolve("t.db"))) {
            String hash = store.apiUsers().credentials("bob").orElseThrow().passwordHash();
            assertThat(hash).startsWith("$2b$").doesNotContain("other secret");
            assertThat(Passwords.matches("other secret".toCharArray(), hash)).isTrue();
            assertThat(Passwords.matches("ignored second line".toCharArray(), hash)).isFalse();
        }
    }

    @Test
    void removesAndRevokes() {
        run("pw one\n", "api-user", "add", "alice");
        assertThat(run("", "api-user", "revoke", "alice").out()).isEqualTo("revoked 0 tokens of alice\n");
        assertThat(run("", "api-user", "remove", "alice").out()).isEqualTo("removed API user alice\n");
        assertThat(run("", "api-user", "list").out()).isEmpty();
    }

    @Test
    void badInputIsOneLineAndExit2() {
        run("pw one\n", "api-user", "add", "alice");
        assertOneLine(run("pw two\n", "api-user", "add", "alice"), "tidings: there is already an API user alice");
        assertOneLine(run("", "api-user", "add", "carol"), "tidings: the password is empty");
        assertOneLine(run("x".repeat(73) + "\n", "api-user", "add", "carol"), "tidings: the password is longer than 72 bytes");
        assertOneLine(run("pw\n", "api-user", "add", "a b"), "tidings: a user name is 1-100 characters without spaces or controls");
        assertThat(run("", "api-user", "add", "carol", "--password-file", dir.resolve("missing").toString()).err())
                .startsWith("tidings: cannot read the password file ").doesNotContain("\tat ");
        assertOneLine(run("", "api-user", "remove", "bob"), "tidings: no API user bob");
        assertOneLine(run("", "api-user", "revoke", "bob"), "tidings: no API user bob");
        assertThat(run("", "api-user", "list").out().lines().count()).isEqualTo(1);
    }

    private static void assertOneLine(Result result, String message) {
        assertThat(result.code()).isEqualTo(ExitCodes.FATAL);
        assertThat(result.err()).isEqualTo(message + "\n");
    }
}
