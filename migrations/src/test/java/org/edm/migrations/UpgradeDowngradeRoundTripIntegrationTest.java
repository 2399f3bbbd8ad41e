package org.edm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.edm.migrations.ToolRunner.Result;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * SCHEMA.md rule 6: upgrade to latest, step back, upgrade again leaves the schema as it
 * was, for the newest migration and for every other one; compared on catalog dumps, not
 * on the tool's own opinion.
 */
class UpgradeDowngradeRoundTripIntegrationTest {

    @Test
    void upgradeDowngradeOneAndUpgradeAgainLeavesAnIdenticalSchema() {
        // given
        String database = "roundtrip_one";
        TestInfrastructure.shared().createDatabase(database);
        ToolRunner tool = ToolRunner.on(database);
        DataSource dataSource = TestInfrastructure.shared().dataSource(database);
        assertOk(tool.run("upgrade"));
        List<String> latest = CatalogDump.of(dataSource);

        // when
        Result downgrade = tool.run("downgrade");
        List<String> oneBack = CatalogDump.of(dataSource);
        Result upgrade = tool.run("upgrade");

        // then
        assertOk(downgrade);
        assertThat(oneBack).as("the downgrade changed the schema").isNotEqualTo(latest);
        assertOk(upgrade);
        assertThat(CatalogDump.of(dataSource)).containsExactlyElementsOf(latest);
        assertOk(tool.run("verify"));
    }

    @Test
    void everyMigrationStepsDownAndUpAgainToTheSameSchema() {
        // given: the schema after each migration, applied one at a time
        String database = "roundtrip_every_step";
        TestInfrastructure.shared().createDatabase(database);
        ToolRunner tool = ToolRunner.on(database);
        DataSource dataSource = TestInfrastructure.shared().dataSource(database);
        List<String> versions = ScriptFiles.migrations(ScriptFiles.SOURCE)
            .stream()
            .map(ScriptFiles::versionOf)
            .toList();
        List<List<String>> schemaAfter = new ArrayList<>();
        schemaAfter.add(CatalogDump.of(dataSource));
        for (String version : versions) {
            assertOk(tool.run("upgrade", "--target", version));
            schemaAfter.add(CatalogDump.of(dataSource));
        }

        // when / then: each downgrade step restores the schema of the version below
        for (int applied = versions.size(); applied > 0; applied--) {
            assertOk(tool.run("downgrade"));
            assertThat(CatalogDump.of(dataSource)).as("schema after undoing %s", versions.get(applied - 1))
                .containsExactlyElementsOf(schemaAfter.get(applied - 1));
            String current = tool.run("current").out();
            assertThat(current).startsWith(applied == 1 ? "none" : versions.get(applied - 2));
        }
        assertThat(tool.run("downgrade").exitCode()).as("nothing left to downgrade").isEqualTo(3);

        // and up again, all at once
        assertOk(tool.run("upgrade"));
        assertThat(CatalogDump.of(dataSource)).containsExactlyElementsOf(schemaAfter.get(versions.size()));
    }

    private static void assertOk(Result result) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    }

}
