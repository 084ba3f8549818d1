package org.tidings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line builds picocli's model of only the subcommand asked for. */
class LazyCommandLineTest {
    @Test
    void theReaderBuildsNoSubcommandAndACommandOnlyItself() {
        assertThat(TidingsCommand.commandLine(new String[] {"--db", "x.db"}).getSubcommands()).isEmpty();
        assertThat(TidingsCommand.commandLine(new String[] {"--db", "status", "--debug"}).getSubcommands()).isEmpty();
        assertThat(TidingsCommand.commandLine(new String[] {"--db", "x.db", "status"}).getSubcommands()).containsOnlyKeys("status");
        assertThat(TidingsCommand.commandLine(new String[] {"--db=x.db", "feeds", "topic"}).getSubcommands()).containsOnlyKeys("feeds");
    }

    @Test
    void helpAndUnknownCommandsSeeEveryCommand() {
        int all = TidingsCommand.commandLine().getSubcommands().size();
        assertThat(all).isGreaterThan(15);
        assertThat(TidingsCommand.commandLine(new String[] {"--help"}).getSubcommands()).hasSize(all);
        assertThat(TidingsCommand.commandLine(new String[] {"stauts"}).getSubcommands()).hasSize(all);
        assertThat(TidingsCommand.commandLine(new String[] {"-V"}).getSubcommands()).hasSize(all);
    }

    @Test
    void inheritedOptionsReachTheOneSubcommandBuilt() {
        CommandLine commandLine = TidingsCommand.commandLine(new String[] {"status", "--db", "x.db"});
        CommandLine.ParseResult result = commandLine.parseArgs("status", "--db", "x.db");
        assertThat(result.subcommand().hasMatchedOption("--db")).isTrue();
    }
}
