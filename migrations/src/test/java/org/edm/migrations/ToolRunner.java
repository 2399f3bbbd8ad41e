package org.edm.migrations;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edm.testsupport.TestInfrastructure;

/**
 * Runs the migration tool through its real entry point ({@link MigrationTool#execute}),
 * capturing its output.
 */
final class ToolRunner {

    private final Map<String, String> environment;

    private final Path workingDirectory;

    private final Clock clock;

    private ToolRunner(Map<String, String> environment, Path workingDirectory, Clock clock) {
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        this.clock = clock;
    }

    /**
     * A tool whose environment points at the named database of the shared test server.
     */
    static ToolRunner on(String database) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        return withEnvironment(Map.of("EDM_DB_URL", url(database), "EDM_DB_USER", infrastructure.username(),
                "EDM_DB_PASSWORD", infrastructure.password()));
    }

    /**
     * The JDBC URL of a database of the shared server, without the {@code ?user=} that
     * the embedded server's URLs carry (the driver lets a user in the URL win over the
     * one the tool passes).
     */
    static String url(String database) {
        return TestInfrastructure.shared().jdbcUrl(database).replaceFirst("\\?.*$", "");
    }

    static ToolRunner withEnvironment(Map<String, String> environment) {
        return new ToolRunner(new HashMap<>(environment), Path.of("").toAbsolutePath(), Clock.systemDefaultZone());
    }

    ToolRunner in(Path directory) {
        return new ToolRunner(environment, directory, clock);
    }

    ToolRunner at(Clock fixed) {
        return new ToolRunner(environment, workingDirectory, fixed);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new MigrationTool(environment, new PrintWriter(out), new PrintWriter(err), clock,
                workingDirectory)
            .execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {

        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

}
