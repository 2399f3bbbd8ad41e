package org.edm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The packaged tool, {@code target/edm-migrations.jar}, runs on its own:
 * {@code java -jar} in a separate process, with only the environment to tell it where the
 * database is. Runs in failsafe's integration-test phase, after the jar is built (hence
 * the {@code IT} suffix rather than {@code IntegrationTest}).
 */
class ExecutableJarIT {

    private static final Path JAR = Path.of("target/edm-migrations.jar");

    @Test
    void packagedToolUpgradesAndDowngradesWithQuietOutput() throws Exception {
        // given
        assertThat(JAR).as("built by mvn package").exists();
        String database = "executable_jar";
        TestInfrastructure.shared().createDatabase(database);
        Map<String, String> environment = Map.of("EDM_DB_URL", ToolRunner.url(database), "EDM_DB_USER",
                TestInfrastructure.shared().username(), "EDM_DB_PASSWORD", TestInfrastructure.shared().password());

        // when / then
        Run upgrade = java(environment, "upgrade");
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
        assertThat(upgrade.out()).contains("Applied ").contains("Now at version");
        assertThat(upgrade.err()).as("Flyway's INFO logging stays quiet").isEmpty();

        Run downgrade = java(environment, "downgrade");
        assertThat(downgrade.exitCode()).as("undo scripts are found inside the jar: " + downgrade).isZero();
        assertThat(downgrade.out()).startsWith("Downgraded ");
    }

    @Test
    void packagedToolReportsAnUnreachableDatabaseInOneLine() throws Exception {
        Run run = java(Map.of("EDM_DB_URL", "jdbc:postgresql://localhost:1/edm"), "current");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith("edm-migrations: cannot connect to");
    }

    private static Run java(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                        "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("EDM_DB_") || name.startsWith("PG"));
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("edm-migrations", ".out");
        Path err = Files.createTempFile("edm-migrations", ".err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("edm-migrations did not finish: " + command);
        }
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    private record Run(int exitCode, String out, String err) {
    }

}
