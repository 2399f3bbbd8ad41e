package org.edm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.edm.migrations.ToolRunner.Result;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bad URL, an unreachable server, a wrong password: one line on stderr, no stack trace,
 * exit code 2.
 */
class ConnectionFailureIntegrationTest {

    private static final String ROLE = "edm_password_check";

    private static final String PASSWORD = "right-password";

    private static Path hbaFile;

    private static String originalHba;

    /**
     * The embedded test server trusts local logins; a pg_hba.conf line for one test role
     * makes it ask that role for its password without touching anyone else's logins. (A
     * containerised server asks everyone already.)
     */
    @BeforeAll
    static void roleThatNeedsItsPassword() throws IOException {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        JdbcClient admin = JdbcClient.create(infrastructure.dataSource("postgres"));
        admin.sql("DROP ROLE IF EXISTS " + ROLE).update();
        admin.sql("DROP DATABASE IF EXISTS " + ROLE + " WITH (FORCE)").update();
        admin.sql("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'").update();
        admin.sql("CREATE DATABASE " + ROLE + " OWNER " + ROLE).update();
        Path hba = Path.of(admin.sql("SHOW hba_file").query(String.class).single());
        if (Files.isWritable(hba)) {
            hbaFile = hba;
            originalHba = Files.readString(hba);
            Files.writeString(hba, "host all " + ROLE + " all scram-sha-256\n" + originalHba);
            admin.sql("SELECT pg_reload_conf()").query(Boolean.class).single();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !canLogIn("wrong-password"));
        }
    }

    @AfterAll
    static void restoreHba() throws IOException {
        if (hbaFile != null) {
            Files.writeString(hbaFile, originalHba);
            JdbcClient.create(TestInfrastructure.shared().dataSource("postgres"))
                .sql("SELECT pg_reload_conf()")
                .query(Boolean.class)
                .single();
        }
    }

    @Test
    void wrongPasswordGivesOneLine() {
        Result result = ToolRunner
            .withEnvironment(Map.of("EDM_DB_URL", ToolRunner.url(TestInfrastructure.DATABASE), "EDM_DB_USER", ROLE,
                    "EDM_DB_PASSWORD", "wrong-password"))
            .run("current");

        assertOneLine(result, "password authentication failed for user \"" + ROLE + "\"");
    }

    @Test
    void rightPasswordFromFlagsWinsOverTheEnvironment() {
        Result result = ToolRunner
            .withEnvironment(Map.of("EDM_DB_URL", ToolRunner.url(ROLE), "EDM_DB_USER", "nobody", "EDM_DB_PASSWORD",
                    "wrong-password"))
            .run("current", "--user", ROLE, "--password", PASSWORD);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("none (no migration applied)");
    }

    @Test
    void unreachableServerGivesOneLine() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Result result = ToolRunner.withEnvironment(Map.of())
            .run("upgrade", "--url", "jdbc:postgresql://localhost:" + closedPort + "/edm");

        assertOneLine(result, "refused");
    }

    @Test
    void libpqEnvironmentIsUnderstood() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Result result = ToolRunner
            .withEnvironment(Map.of("PGHOST", "localhost", "PGPORT", String.valueOf(closedPort), "PGDATABASE",
                    "edm_elsewhere", "PGUSER", "someone"))
            .run("history");

        assertOneLine(result, "jdbc:postgresql://localhost:" + closedPort + "/edm_elsewhere as someone");
    }

    @Test
    void notAJdbcUrlGivesOneLine() {
        Result result = ToolRunner.withEnvironment(Map.of("EDM_DB_URL", "postgres://localhost/edm")).run("verify");

        assertOneLine(result, "not a PostgreSQL JDBC URL: 'postgres://localhost/edm'");
    }

    @Test
    void missingDatabaseGivesOneLine() {
        Result result = ToolRunner.on("no_such_database").run("downgrade");

        assertOneLine(result, "database \"no_such_database\" does not exist");
    }

    private static void assertOneLine(Result result, String expected) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement()
            .asString()
            .startsWith("edm-migrations: ")
            .contains(expected)
            .doesNotContain("Exception");
    }

    private static boolean canLogIn(String password) {
        try {
            DriverManager.getConnection(ToolRunner.url(TestInfrastructure.DATABASE), ROLE, password).close();
            return true;
        }
        catch (SQLException e) {
            return false;
        }
    }

}
