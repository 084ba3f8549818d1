package org.tidings.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.tidings.cli.Main;

/** Runs a tidings command line in the test's JVM, as {@code bin/tidings} would, with its output captured. */
public final class Cli {
    /** What a command line did: its exit code and everything it wrote to stdout and stderr. */
    public record Result(int code, String out, String err) {}

    private Cli() {}

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
