package org.edm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.edm.migrations.ToolRunner.Result;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Downgrades refuse before changing anything when they cannot finish, and a failed step
 * rolls back.
 */
class DowngradeCommandIntegrationTest {

    private static final String DATABASE = "downgrade_cases";

    @TempDir
    Path temp;

    private Path scripts;

    private ToolRunner tool;

    private DataSource dataSource;

    @BeforeEach
    void migratedDatabaseWithItsOwnCopyOfTheScripts() {
        TestInfrastructure.shared().createDatabase(DATABASE);
        scripts = ScriptFiles.copyTo(temp.resolve("db"));
        tool = ToolRunner.on(DATABASE);
        dataSource = TestInfrastructure.shared().dataSource(DATABASE);
        assertThat(tool.run("upgrade", "--scripts", scripts.toString()).exitCode()).isZero();
    }

    @Test
    void missingUndoScriptIsAClearErrorAndNothingIsChanged() throws IOException {
        // given: the second newest migration lost its undo script; the newest one still
        // has its own
        List<Path> migrations = ScriptFiles.migrations(scripts);
        Path secondNewest = migrations.get(migrations.size() - 2);
        Files.delete(ScriptFiles.undoOf(secondNewest));
        List<String> before = CatalogDump.of(dataSource);
        long historyRows = historyRows();

        // when
        Result downgrade = tool.run("downgrade", "--steps", "2", "--scripts", scripts.toString());

        // then
        assertThat(downgrade.exitCode()).as(downgrade.toString()).isEqualTo(3);
        assertThat(downgrade.errLines()).singleElement()
            .asString()
            .startsWith("edm-migrations: missing undo script " + ScriptFiles.undoOf(secondNewest).getFileName())
            .endsWith("nothing was changed");
        assertThat(downgrade.out()).isEmpty();
        assertThat(CatalogDump.of(dataSource)).as("not even the newest step ran").containsExactlyElementsOf(before);
        assertThat(historyRows()).isEqualTo(historyRows);
    }

    @Test
    void historyShowsTheUndoneMigrationAsPending() {
        // given
        List<Path> migrations = ScriptFiles.migrations(scripts);
        String newest = ScriptFiles.versionOf(migrations.get(migrations.size() - 1));

        // when
        Result downgrade = tool.run("downgrade", "--scripts", scripts.toString());
        Result history = tool.run("history", "--scripts", scripts.toString());

        // then
        assertThat(downgrade.exitCode()).isZero();
        assertThat(downgrade.outLines().get(0)).startsWith("Downgraded " + newest);
        assertThat(history.exitCode()).isZero();
        assertThat(history.outLines().get(0)).startsWith("VERSION")
            .contains("STATE", "INSTALLED ON", "CHECKSUM", "UNDO");
        assertThat(history.outLines()).filteredOn(line -> line.startsWith(newest))
            .singleElement()
            .asString()
            .contains(" pending ")
            .endsWith("yes");
        assertThat(history.outLines()).filteredOn(line -> line.contains(" applied ")).hasSize(migrations.size() - 1);
        assertThat(history.out()).contains("1 pending.");
        assertThat(tool.run("current").out()).endsWith(", 1 pending" + System.lineSeparator());
    }

    @Test
    void downgradingMoreStepsThanAppliedIsRefused() {
        int applied = ScriptFiles.migrations(scripts).size();
        List<String> before = CatalogDump.of(dataSource);

        Result downgrade = tool.run("downgrade", "--steps", String.valueOf(applied + 1));

        assertThat(downgrade.exitCode()).isEqualTo(3);
        assertThat(downgrade.err()).contains("only " + applied + " migrations are applied; nothing was changed");
        assertThat(CatalogDump.of(dataSource)).containsExactlyElementsOf(before);
    }

    @Test
    void aFailingUndoScriptRollsItsStepBack() throws IOException {
        // given: the newest undo script does its work, then fails
        List<Path> migrations = ScriptFiles.migrations(scripts);
        Path undo = ScriptFiles.undoOf(migrations.get(migrations.size() - 1));
        Files.writeString(undo, Files.readString(undo) + "\nSELECT 1 / 0;\n");
        List<String> before = CatalogDump.of(dataSource);

        // when
        Result downgrade = tool.run("downgrade", "--scripts", scripts.toString());

        // then
        assertThat(downgrade.exitCode()).as(downgrade.toString()).isEqualTo(4);
        assertThat(downgrade.errLines()).singleElement()
            .asString()
            .contains(undo.getFileName().toString(), "division by zero", "rolled back");
        assertThat(CatalogDump.of(dataSource)).containsExactlyElementsOf(before);
        assertThat(tool.run("current").out()).startsWith(ScriptFiles.versionOf(migrations.get(migrations.size() - 1)));
    }

    @Test
    void aNewMigrationPairFromTheTemplateUpgradesAndDowngrades() throws IOException {
        // given: a pair made by `new`, first as generated (comments only), then with a
        // real change
        List<String> before = CatalogDump.of(dataSource);
        Result created = tool.in(temp).run("new", "add document language", "--scripts", "db");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        List<Path> migrations = ScriptFiles.migrations(scripts);
        Path added = migrations.get(migrations.size() - 1);
        assertThat(added.getFileName().toString()).endsWith("__add_document_language.sql");

        // when / then: the template pair itself goes up and down
        assertThat(tool.run("upgrade", "--scripts", scripts.toString()).exitCode()).isZero();
        Result templateDown = tool.run("downgrade", "--scripts", scripts.toString());
        assertThat(templateDown.exitCode()).as(templateDown.toString()).isZero();

        // and so does a real change written into it
        Files.writeString(added, "ALTER TABLE documents ADD COLUMN language VARCHAR(10);\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(ScriptFiles.undoOf(added), "ALTER TABLE documents DROP COLUMN language;\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(tool.run("upgrade", "--scripts", scripts.toString()).exitCode()).isZero();
        assertThat(tool.run("verify").outLines()).contains("info      column documents.language: not in the contract");
        assertThat(tool.run("downgrade", "--scripts", scripts.toString()).exitCode()).isZero();
        assertThat(CatalogDump.of(dataSource)).containsExactlyElementsOf(before);
    }

    private long historyRows() {
        return JdbcClient.create(dataSource)
            .sql("SELECT count(*) FROM flyway_schema_history")
            .query(Long.class)
            .single();
    }

}
