package org.tidings.cli;

import java.io.PrintWriter;
import java.util.logging.LogManager;
import org.tidings.tui.TerminalOpening;
import picocli.CommandLine;

/** Entry point of {@code tidings.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line and returns its exit code; used by tests without a new JVM. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // Never log to the terminal: libraries log through SLF4J -> JUL, which stays silent
        // unless --log-file is given (see TidingsCommand).
        LogManager.getLogManager().reset();
        // The reader starts its slow parts at once, on threads of their own, so they overlap
        // picocli's parsing and the store's opening (docs/BENCHMARKS.md, "Reader start-up, fifth pass").
        TerminalOpening terminal = TidingsCommand.opensReader(args) ? TidingsCommand.startReader() : null;
        try {
            CommandLine commandLine = TidingsCommand.commandLine(args, terminal);
            commandLine.setOut(out);
            commandLine.setErr(err);
            return commandLine.execute(args);
        } finally {
            if (terminal != null) {
                terminal.close();
            }
        }
    }
}
