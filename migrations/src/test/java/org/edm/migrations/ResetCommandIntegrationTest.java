package org.edm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.edm.migrations.ToolRunner.Result;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** reset destroys a development database only when told so explicitly. */
class ResetCommandIntegrationTest {

    private static final String DATABASE = "reset_check";

    private ToolRunner tool;

    private JdbcClient jdbc;

    @BeforeEach
    void migratedDatabaseWithADocument() {
        TestInfrastructure.shared().createDatabase(DATABASE);
        tool = ToolRunner.on(DATABASE);
        assertThat(tool.run("upgrade").exitCode()).isZero();
        jdbc = JdbcClient.create(TestInfrastructure.shared().dataSource(DATABASE));
        jdbc.sql("INSERT INTO documents (title, version) VALUES ('ITCH', '5.0')").update();
        jdbc.sql("CREATE TABLE scratch (id INT)").update();
    }

    @Test
    void resetIsRefusedWithoutConfirmation() {
        Result reset = tool.run("reset");

        assertThat(reset.exitCode()).isEqualTo(3);
        assertThat(reset.errLines()).singleElement().asString().contains("--yes-really-reset", "nothing was changed");
        assertThat(jdbc.sql("SELECT count(*) FROM documents").query(Long.class).single()).isOne();
    }

    @Test
    void confirmedResetDropsEverythingAndMigratesAgain() {
        // given
        String fresh = "reset_reference";
        TestInfrastructure.shared().createDatabase(fresh);
        assertThat(ToolRunner.on(fresh).run("upgrade").exitCode()).isZero();
        List<String> freshSchema = CatalogDump.of(TestInfrastructure.shared().dataSource(fresh));

        // when
        Result reset = tool.run("reset", "--yes-really-reset");

        // then
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM documents").query(Long.class).single()).isZero();
        assertThat(CatalogDump.of(TestInfrastructure.shared().dataSource(DATABASE)))
            .as("the scratch table is gone, the rest is as new")
            .containsExactlyElementsOf(freshSchema);
        assertThat(tool.run("verify").exitCode()).isZero();
    }

}
