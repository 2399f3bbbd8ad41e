package org.edm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.edm.migrations.ToolRunner.Result;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code verify} passes on a migrated database and names each way a damaged one differs
 * from the contract.
 */
class VerifyCommandIntegrationTest {

    private static final String DATABASE = "verify_contract";

    private ToolRunner tool;

    private JdbcClient jdbc;

    @BeforeEach
    void migratedDatabase() {
        TestInfrastructure.shared().createDatabase(DATABASE);
        tool = ToolRunner.on(DATABASE);
        assertThat(tool.run("upgrade").exitCode()).isZero();
        jdbc = JdbcClient.create(TestInfrastructure.shared().dataSource(DATABASE));
    }

    @Test
    void passesOnAMigratedDatabase() {
        Result verify = tool.run("verify");

        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(0);
        assertThat(verify.out()).contains("OK: the database matches the contract.").doesNotContain("DIFFERENT");
        assertThat(verify.err()).isEmpty();
    }

    @Test
    void reportsADroppedIndexAndChangedColumns() {
        // given
        jdbc.sql("DROP INDEX idx_sections_fts").update();
        jdbc.sql("ALTER TABLE documents ALTER COLUMN title DROP NOT NULL").update();
        jdbc.sql("ALTER TABLE sections ALTER COLUMN level TYPE bigint").update();

        // when
        Result verify = tool.run("verify");

        // then
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(1);
        assertThat(differences(verify)).containsExactlyInAnyOrder(
                "DIFFERENT column documents.title: nullable, expected NOT NULL",
                "DIFFERENT column sections.level: type bigint, expected integer",
                "DIFFERENT index idx_sections_fts: missing, expected gin (search_vector) on sections");
        assertThat(verify.out()).contains("3 differences from the contract.");
    }

    @Test
    void reportsALostCascadeAPlainOrderIndexADroppedTriggerAndAChangedStatusDefault() {
        // given
        jdbc.sql("ALTER TABLE sections DROP CONSTRAINT fk_sections_document").update();
        jdbc.sql(
                "ALTER TABLE sections ADD CONSTRAINT fk_sections_document FOREIGN KEY (document_id) REFERENCES documents (id)")
            .update();
        jdbc.sql("DROP INDEX idx_sections_order").update();
        jdbc.sql("CREATE INDEX idx_sections_order ON sections USING hash (document_id)").update();
        jdbc.sql("DROP TRIGGER trg_sections_updated_at ON sections").update();
        jdbc.sql("ALTER TABLE documents ALTER COLUMN processing_status SET DEFAULT 'new'").update();

        // when
        Result verify = tool.run("verify");

        // then
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(differences(verify)).containsExactlyInAnyOrder(
                "DIFFERENT foreign key fk_sections_document: sections (document_id) REFERENCES documents (id) ON DELETE "
                        + "NO ACTION; expected sections (document_id) REFERENCES documents (id) ON DELETE CASCADE",
                "DIFFERENT index idx_sections_order: method hash, not unique, keys (document_id); expected unique btree "
                        + "(document_id, order_index) on sections",
                "DIFFERENT trigger trg_sections_updated_at: missing, expected BEFORE UPDATE ON sections FOR EACH ROW "
                        + "EXECUTE FUNCTION set_updated_at()",
                "DIFFERENT column documents.processing_status: default 'new'::character varying, expected "
                        + "'pending'::character varying");
    }

    @Test
    void reportsASearchVectorThatIsNoLongerGenerated() {
        jdbc.sql("ALTER TABLE sections DROP COLUMN search_vector").update();
        jdbc.sql("ALTER TABLE sections ADD COLUMN search_vector tsvector").update();

        Result verify = tool.run("verify");

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(differences(verify)).contains(
                "DIFFERENT column sections.search_vector: not a generated column, expected GENERATED ALWAYS AS "
                        + "(setweight(title, 'A') || setweight(content, 'B')) STORED",
                "DIFFERENT index idx_sections_fts: missing, expected gin (search_vector) on sections");
    }

    @Test
    void tablesColumnsAndIndexesBeyondTheContractAreInformationOnly() {
        // given: what a later migration might add
        jdbc.sql("CREATE TABLE audit_log (id BIGINT PRIMARY KEY, entry TEXT)").update();
        jdbc.sql("ALTER TABLE documents ADD COLUMN language VARCHAR(10)").update();
        jdbc.sql("CREATE INDEX idx_documents_language ON documents (language)").update();

        // when
        Result verify = tool.run("verify");

        // then
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(0);
        assertThat(verify.outLines()).contains("info      table audit_log: not in the contract",
                "info      column documents.language: not in the contract",
                "info      index idx_documents_language: not in the contract");
    }

    @Test
    void reportsAMissingTable() {
        jdbc.sql("DROP TABLE processed_events").update();

        Result verify = tool.run("verify");

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(differences(verify)).contains("DIFFERENT table processed_events: missing");
    }

    private static List<String> differences(Result verify) {
        return verify.outLines().stream().filter(line -> line.startsWith("DIFFERENT")).toList();
    }

}
