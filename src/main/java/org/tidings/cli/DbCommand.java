package org.tidings.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tidings db copy FROM TO}: whole-database work. */
@Command(
        name = "db",
        mixinStandardHelpOptions = true,
        description = "Work on whole databases: copy one into another (SQLite and PostgreSQL).",
        subcommands = {DbCopyCommand.class})
final class DbCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand top;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: copy");
    }
}
