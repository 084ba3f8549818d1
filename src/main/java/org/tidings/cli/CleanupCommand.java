package org.tidings.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.tidings.store.CleanupResult;
import org.tidings.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tidings cleanup [--days N]}: retention. */
@Command(
        name = "cleanup",
        mixinStandardHelpOptions = true,
        description = "Delete articles older than N days, except starred ones and ones still in a feed.")
final class CleanupCommand implements Callable<Integer> {
    @ParentCommand TidingsCommand parent;

    @Spec CommandSpec spec;

    @Option(names = "--days", paramLabel = "N", description = "Keep this many days (default: store.retention_days, 90).")
    @org.jspecify.annotations.Nullable Integer days;

    @Override
    public Integer call() {
        if (days == null) {
            try {
                days = parent.loadConfig().integer(Config.Key.STORE_RETENTION_DAYS);
            } catch (Config.ConfigException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        if (days < 0) {
            throw new ParameterException(spec.commandLine(), "--days must be 0 or more: " + days);
        }
        try (Store store = Services.openStore(parent)) {
            return run(store);
        }
    }

    private int run(Store store) {
        CleanupResult result = store.cleanup(Duration.ofDays(days), Services.clock().instant());
        spec.commandLine().getOut().printf("deleted %d article%s; kept %d older one%s (starred or still in a feed)%n",
                result.deleted(), result.deleted() == 1 ? "" : "s", result.kept(), result.kept() == 1 ? "" : "s");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
