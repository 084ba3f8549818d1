package org.tidings.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tidings.api.FeedJson;
import org.tidings.api.Fever;
import org.tidings.api.Passwords;
import org.tidings.store.ApiUsers;
import org.tidings.tui.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tidings api-user add|list|remove|revoke}: the users of the daemon's Google Reader API.
 * The API is off until a user exists. Passwords are read from the terminal (not echoed), from
 * standard input, or from a file, and only a bcrypt hash is stored.
 */
@Command(
        name = "api-user",
        mixinStandardHelpOptions = true,
        description = "Users of the daemon's sync API (Google Reader API at http://HOST:PORT/api/greader).",
        subcommands = {ApiUserCommand.Add.class, ApiUserCommand.ListUsers.class, ApiUserCommand.Remove.class,
            ApiUserCommand.Revoke.class})
final class ApiUserCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand top;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.FATAL;
    }

    static String checkedName(String name) {
        String value = name.strip();
        if (value.isEmpty() || value.length() > 100 || !value.chars().allMatch(c -> c > 0x20 && c != 0x7f && c < 0x80 || c > 0x9f)) {
            throw new IllegalArgumentException("a user name is 1-100 characters without spaces or controls");
        }
        return value;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user; the password is read from the terminal, standard input or --password-file.")
    static final class Add implements Callable<Integer> {
        @ParentCommand ApiUserCommand parent;
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of FILE.")
        @Nullable Path passwordFile;

        @Option(names = "--fever", description = {"Also allow the Fever API (http://HOST:PORT/api/fever/): keeps md5(NAME:PASSWORD),",
            "the key Fever clients send, which is weaker than the bcrypt hash."})
        boolean fever;

        @Override
        public Integer call() throws Exception {
            String user = checkedName(name);
            char[] password = readPassword();
            try {
                Passwords.check(password);
                String hash = Passwords.hash(password);
                String feverKey = fever ? Fever.key(user, password) : null;
                try (Services services = Services.open(parent.top)) {
                    if (!services.store.apiUsers().addUser(user, hash, feverKey, services.clock.instant())) {
                        throw new IllegalArgumentException("there is already an API user " + user);
                    }
                }
            } finally {
                Arrays.fill(password, '\0');
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("added API user %s; point a Google Reader client at http://HOST:PORT/api/greader%n", user);
            out.flush();
            return ExitCodes.OK;
        }

        private char[] readPassword() throws IOException {
            if (passwordFile != null) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read the password file " + passwordFile + ": " + e.getMessage());
                }
                return lines.isEmpty() ? new char[0] : lines.get(0).toCharArray();
            }
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("password for %s: ", name);
                char[] again = console.readPassword("again: ");
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    throw new IllegalArgumentException("the passwords differ");
                }
                Arrays.fill(again, '\0');
                return first;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users and their live tokens.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand ApiUserCommand parent;
        @Spec CommandSpec spec;

        @Option(names = "--json", description = "One JSON object per line.") boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Services services = Services.open(parent.top)) {
                for (ApiUsers.ApiUser user : services.store.apiUsers().users()) {
                    if (json) {
                        out.println(FeedJson.write(FeedJson.MAPPER.createObjectNode().put("name", user.name())
                                .put("created", FeedJson.format(user.createdAt())).put("tokens", user.tokens())));
                    } else {
                        out.printf("%s  added %s  %d token%s%n", TerminalText.sanitize(user.name()),
                                FeedJson.format(user.createdAt()), user.tokens(), user.tokens() == 1 ? "" : "s");
                    }
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user and its tokens.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand ApiUserCommand parent;
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() throws Exception {
            try (Services services = Services.open(parent.top)) {
                if (!services.store.apiUsers().removeUser(name.strip())) {
                    throw new IllegalArgumentException("no API user " + TerminalText.sanitize(name.strip()));
                }
            }
            spec.commandLine().getOut().printf("removed API user %s%n", TerminalText.sanitize(name.strip()));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke every login token of a user (its clients must log in again).")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand ApiUserCommand parent;
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() throws Exception {
            Optional<Integer> revoked;
            try (Services services = Services.open(parent.top)) {
                revoked = services.store.apiUsers().revokeTokens(name.strip());
            }
            if (revoked.isEmpty()) {
                throw new IllegalArgumentException("no API user " + TerminalText.sanitize(name.strip()));
            }
            spec.commandLine().getOut().printf("revoked %d token%s of %s%n", revoked.get(), revoked.get() == 1 ? "" : "s",
                    TerminalText.sanitize(name.strip()));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
