package org.tidings.cli;

/** The exit codes every command uses (documented in the README). */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** Partly done: for example some feeds failed to sync while others succeeded. */
    public static final int PARTIAL = 1;
    /** Usage error or fatal error: nothing (or nothing useful) was done. */
    public static final int FATAL = 2;

    private ExitCodes() {}
}
