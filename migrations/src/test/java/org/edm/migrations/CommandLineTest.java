package org.edm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.edm.migrations.ToolRunner.Result;
import org.junit.jupiter.api.Test;

/**
 * Every command documents itself; a wrong command line gets the usage and exit code 64.
 */
class CommandLineTest {

    private static final List<String> COMMANDS = List.of("current", "history", "upgrade", "downgrade", "new", "stamp",
            "baseline", "repair", "validate", "verify", "reset");

    private final ToolRunner tool = ToolRunner.withEnvironment(Map.of());

    @Test
    void everyCommandHasHelp() {
        for (String command : COMMANDS) {
            Result help = tool.run(command, "--help");

            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: edm-migrations " + command);
        }
    }

    @Test
    void topLevelHelpListsCommandsAndExitCodes() {
        Result help = tool.run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains(COMMANDS).contains("Exit codes:", "64", "EDM_DB_URL", "PGHOST");
    }

    @Test
    void wrongCommandLinesExitWithUsageCode() {
        assertThat(tool.run().exitCode()).isEqualTo(64);
        assertThat(tool.run("migrate-everything").exitCode()).isEqualTo(64);
        assertThat(tool.run("downgrade", "--steps", "many").exitCode()).isEqualTo(64);
        assertThat(tool.run("stamp").err()).contains("Missing required parameter");
    }

    @Test
    void versionNamesTheToolAndFlyway() {
        assertThat(tool.run("--version").out()).startsWith("edm-migrations ").contains("Flyway ");
    }

}
