package org.tidings.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tidings config}: prints the effective configuration and where each value came from. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Print the effective configuration (defaults, config file, TIDINGS_* environment).")
final class ConfigCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand top;
    @Spec CommandSpec spec;

    @Option(names = "--path", description = "Print only the path of the configuration file.")
    boolean pathOnly;

    @Override
    public Integer call() throws Config.ConfigException {
        var out = spec.commandLine().getOut();
        if (pathOnly) {
            out.println(top.configPath());
            return ExitCodes.OK;
        }
        Config config = top.loadConfig();
        out.println("# " + top.configPath() + (java.nio.file.Files.exists(top.configPath()) ? "" : " (no such file: defaults and environment only)"));
        out.print(config.toToml());
        out.flush();
        return ExitCodes.OK;
    }
}
