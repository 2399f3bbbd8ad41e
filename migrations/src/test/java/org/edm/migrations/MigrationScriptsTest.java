package org.edm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.edm.migrations.undo.UndoScripts;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * The released scripts follow the house rules: the naming convention, and an undo script
 * for every migration.
 */
class MigrationScriptsTest {

    @Test
    void everyMigrationFollowsTheNamingConventionAndShipsAnUndoScript() {
        List<Path> migrations = ScriptFiles.migrations(ScriptFiles.SOURCE);
        UndoScripts undo = UndoScripts.load("classpath:db/undo", getClass().getClassLoader());

        assertThat(migrations).isNotEmpty();
        for (Path migration : migrations) {
            assertThat(migration.getFileName().toString()).matches("V\\d{8}_\\d{4}_\\d{3}__[a-z0-9_]+\\.sql");
            assertThat(undo.find(MigrationVersion.fromVersion(ScriptFiles.versionOf(migration))))
                .as("undo script for %s", migration.getFileName())
                .hasValueSatisfying(script -> assertThat(script.name())
                    .isEqualTo(ScriptFiles.undoOf(migration).getFileName().toString()));
        }
    }

}
