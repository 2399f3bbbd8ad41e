package org.edm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.edm.migrations.ToolRunner.Result;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * stamp, baseline, validate and repair: the commands that change or check the history,
 * not the schema.
 */
class HistoryMaintenanceIntegrationTest {

    private static final String DATABASE = "history_maintenance";

    private ToolRunner tool;

    private JdbcClient jdbc;

    private List<String> versions;

    @BeforeEach
    void emptyDatabase() {
        TestInfrastructure.shared().createDatabase(DATABASE);
        tool = ToolRunner.on(DATABASE);
        jdbc = JdbcClient.create(TestInfrastructure.shared().dataSource(DATABASE));
        versions = ScriptFiles.migrations(ScriptFiles.SOURCE).stream().map(ScriptFiles::versionOf).toList();
    }

    @Test
    void stampRecordsASchemaMadeByHandSoThatUpgradeAppliesOnlyTheRest() throws Exception {
        // given: the first migration's SQL run by hand, without Flyway
        Path first = ScriptFiles.migrations(ScriptFiles.SOURCE).get(0);
        try (Connection connection = TestInfrastructure.shared().dataSource(DATABASE).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(first));
        }

        // when
        Result stamp = tool.run("stamp", versions.get(0));
        Result upgrade = tool.run("upgrade");

        // then
        assertThat(stamp.exitCode()).as(stamp.toString()).isZero();
        assertThat(stamp.out()).contains("Recorded " + versions.get(0), "as applied (its script was not run)");
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
        assertThat(upgrade.outLines()).filteredOn(line -> line.startsWith("Applied")).hasSize(versions.size() - 1);
        assertThat(tool.run("verify").exitCode()).isZero();
        assertThat(tool.run("validate").exitCode()).isZero();
    }

    @Test
    void stampDownRemovesHistoryRowsWithoutRunningUndoScripts() {
        // given
        assertThat(tool.run("upgrade").exitCode()).isZero();
        String newest = versions.get(versions.size() - 1);
        String previous = versions.get(versions.size() - 2);

        // when
        Result stamp = tool.run("stamp", previous.replace('.', '_'));

        // then
        assertThat(stamp.exitCode()).as(stamp.toString()).isZero();
        assertThat(stamp.out()).contains("Removed " + newest + " from the history (its undo script was not run)");
        assertThat(tool.run("current").out()).startsWith(previous).contains("1 pending");
        assertThat(tool.run("verify").exitCode()).as("the schema itself is untouched").isZero();
        assertThat(tool.run("stamp", "latest").out()).contains("Recorded " + newest);
        assertThat(tool.run("current").out()).startsWith(newest);
    }

    @Test
    void stampOfAnUnknownVersionIsRefused() {
        Result stamp = tool.run("stamp", "19990101.0000.001");

        assertThat(stamp.exitCode()).isEqualTo(3);
        assertThat(stamp.errLines()).singleElement().asString().contains("unknown version 19990101.0000.001");
    }

    @Test
    void baselineStartsTheHistoryOfAnExistingDatabaseAndDowngradeStopsThere() {
        // given: a schema whose history was lost
        assertThat(tool.run("upgrade").exitCode()).isZero();
        jdbc.sql("DROP TABLE flyway_schema_history").update();

        // when
        Result baseline = tool.run("baseline");

        // then
        assertThat(baseline.exitCode()).as(baseline.toString()).isZero();
        assertThat(baseline.out()).contains("Baselined at " + versions.get(versions.size() - 1));
        assertThat(tool.run("upgrade").out()).startsWith("Nothing to apply");
        Result downgrade = tool.run("downgrade");
        assertThat(downgrade.exitCode()).isEqualTo(3);
        assertThat(downgrade.err()).contains("cannot downgrade below").contains("nothing was changed");
        assertThat(tool.run("baseline").exitCode()).as("only once").isEqualTo(3);
    }

    @Test
    void validateFindsAChangedChecksumAndRepairRealignsIt() {
        // given
        assertThat(tool.run("upgrade").exitCode()).isZero();
        jdbc.sql("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = :version")
            .param("version", versions.get(0))
            .update();

        // when
        Result invalid = tool.run("validate");
        Result repair = tool.run("repair");
        Result valid = tool.run("validate");

        // then
        assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(1);
        assertThat(invalid.outLines()).filteredOn(line -> line.startsWith("INVALID"))
            .singleElement()
            .asString()
            .contains(versions.get(0))
            .containsIgnoringCase("checksum");
        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        assertThat(repair.out()).contains("Aligned checksum and description of " + versions.get(0));
        assertThat(valid.exitCode()).as(valid.toString()).isZero();
        assertThat(valid.out()).startsWith("Valid: " + versions.size() + " migrations");
        assertThat(tool.run("repair").out()).contains("Nothing to repair");
    }

    @Test
    void validateNamesAMigrationWithoutUndoScript(@TempDir Path temp) throws IOException {
        Path scripts = ScriptFiles.copyTo(temp.resolve("db"));
        Path first = ScriptFiles.migrations(scripts).get(0);
        Files.delete(ScriptFiles.undoOf(first));

        Result validate = tool.run("validate", "--scripts", scripts.toString());

        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.out()).contains("INVALID " + versions.get(0),
                "no undo script " + ScriptFiles.undoOf(first).getFileName());
    }

    @Test
    void repairRemovesAFailedEntry() {
        assertThat(tool.run("upgrade", "--target", versions.get(0)).exitCode()).isZero();
        jdbc.sql("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                    installed_by, execution_time, success)
                VALUES (99, :version, 'half done', 'SQL', 'V_half_done.sql', 1, current_user, 0, false)
                """).param("version", versions.get(1)).update();
        assertThat(tool.run("downgrade").err()).contains("recorded as failed");

        Result repair = tool.run("repair");

        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        assertThat(repair.out()).contains("Removed failed entry " + versions.get(1));
        assertThat(tool.run("upgrade").exitCode()).isZero();
        assertThat(tool.run("verify").exitCode()).isZero();
    }

}
