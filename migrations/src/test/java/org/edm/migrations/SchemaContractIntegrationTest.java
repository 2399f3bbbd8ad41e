package org.edm.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.edm.events.ProcessingStatus;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The migrated schema behaves as migrations/SCHEMA.md promises, on a real PostgreSQL. */
class SchemaContractIntegrationTest {

    static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        String url = infrastructure.createDatabase("schema_contract");
        infrastructure.migrate(url);
        DataSource dataSource = infrastructure.dataSource("schema_contract");
        jdbc = JdbcClient.create(dataSource);
    }

    @Test
    void newDocumentIsPendingAndUpdatingItMovesUpdatedAt() throws Exception {
        // given
        UUID id = insertDocument("ITCH", "5.0");
        var before = jdbc.sql("SELECT updated_at FROM documents WHERE id = :id")
            .param("id", id)
            .query(java.sql.Timestamp.class)
            .single();
        Thread.sleep(5);

        // when
        jdbc.sql("UPDATE documents SET page_count = 3 WHERE id = :id").param("id", id).update();

        // then
        assertThat(jdbc.sql("SELECT processing_status FROM documents WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .single()).isEqualTo("pending");
        var after = jdbc.sql("SELECT updated_at FROM documents WHERE id = :id")
            .param("id", id)
            .query(java.sql.Timestamp.class)
            .single();
        assertThat(after).isAfter(before);
    }

    @Test
    void theStatusConstraintAllowsExactlyTheStatusesOfTheEventContract() {
        // given
        UUID id = insertDocument("ITCH", "5.0-statuses");

        // when: every status of the contract is written, and one that is not
        for (ProcessingStatus status : ProcessingStatus.values()) {
            jdbc.sql("UPDATE documents SET processing_status = :status WHERE id = :id")
                .param("status", status.value())
                .param("id", id)
                .update();
        }

        // then
        assertThatThrownBy(() -> jdbc.sql("UPDATE documents SET processing_status = 'parsed' WHERE id = :id")
            .param("id", id)
            .update()).isInstanceOf(DataIntegrityViolationException.class);
        String check = jdbc
            .sql("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ck_documents_status'")
            .query(String.class)
            .single();
        List<String> allowed = java.util.regex.Pattern.compile("'([a-z_]+)'")
            .matcher(check)
            .results()
            .map(match -> match.group(1))
            .toList();
        assertThat(allowed).containsExactlyInAnyOrder(
                java.util.Arrays.stream(ProcessingStatus.values()).map(ProcessingStatus::value).toArray(String[]::new));
    }

    @Test
    void updatingASectionMovesItsUpdatedAt() throws Exception {
        UUID document = insertDocument("OUCH", "4.2");
        UUID section = insertSection(document, null, 0, "Enter Order", "An order message");
        var before = jdbc.sql("SELECT updated_at FROM sections WHERE id = :id")
            .param("id", section)
            .query(java.sql.Timestamp.class)
            .single();
        Thread.sleep(5);

        jdbc.sql("UPDATE sections SET content = 'changed' WHERE id = :id").param("id", section).update();

        var after = jdbc.sql("SELECT updated_at FROM sections WHERE id = :id")
            .param("id", section)
            .query(java.sql.Timestamp.class)
            .single();
        assertThat(after).isAfter(before);
    }

    @Test
    void insertedSectionIsFoundByFullTextSearchWithTheTitleWeighedHigher() {
        // given
        UUID document = insertDocument("ITCH", "5.0-fts");
        insertSection(document, null, 0, "Add Order Message", "A new order was accepted by the book.");
        insertSection(document, null, 1, "Order Executed", "Sent when an add order is executed.");

        // when
        List<String> titles = jdbc.sql("""
                SELECT title FROM sections
                WHERE document_id = :doc AND search_vector @@ websearch_to_tsquery('english', 'add order')
                ORDER BY ts_rank(search_vector, websearch_to_tsquery('english', 'add order')) DESC
                """).param("doc", document).query(String.class).list();

        // then
        assertThat(titles).containsExactly("Add Order Message", "Order Executed");
        assertThatThrownBy(
                () -> jdbc.sql("UPDATE sections SET search_vector = to_tsvector('x') WHERE document_id = :doc")
                    .param("doc", document)
                    .update())
            .as("search_vector is generated, never written")
            .isInstanceOf(Exception.class);
    }

    @Test
    void ginIndexServesTheMatchOperatorOnALargeTable() {
        // given: enough rows for the planner to prefer the index
        UUID document = insertDocument("Bulk", "1");
        jdbc.sql("""
                INSERT INTO sections (document_id, level, title, content, order_index)
                SELECT :doc, 1, 'Section ' || g, 'filler text number ' || g || CASE WHEN g % 2500 = 0
                       THEN ' soupbintcp heartbeat' ELSE '' END, g
                FROM generate_series(0, 99999) AS g
                """).param("doc", document).update();
        jdbc.sql("ANALYZE sections").update();

        // when
        String plan = String.join("\n", jdbc.sql("""
                EXPLAIN SELECT id FROM sections WHERE search_vector @@ to_tsquery('english', 'soupbintcp')
                """).query(String.class).list());

        // then
        assertThat(plan).contains("idx_sections_fts");
        assertThat(jdbc.sql("SELECT count(*) FROM sections WHERE search_vector @@ to_tsquery('english', 'soupbintcp')")
            .query(Long.class)
            .single()).isEqualTo(40L);
    }

    @Test
    void deletingADocumentRemovesItsSections() {
        UUID document = insertDocument("MoldUDP64", "1.0");
        UUID parent = insertSection(document, null, 0, "1 Overview", "text");
        insertSection(document, parent, 1, "1.1 Packets", "text");

        jdbc.sql("DELETE FROM documents WHERE id = :id").param("id", document).update();

        assertThat(jdbc.sql("SELECT count(*) FROM sections WHERE document_id = :id")
            .param("id", document)
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void aDocumentCannotHoldTwoSectionsAtOnePosition() {
        UUID document = insertDocument("Dup", "1");
        insertSection(document, null, 0, "A", "a");

        assertThatThrownBy(() -> insertSection(document, null, 0, "B", "b"))
            .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void statusOutsideTheLifecycleIsRejected() {
        UUID document = insertDocument("Status", "1");

        assertThatThrownBy(() -> jdbc.sql("UPDATE documents SET processing_status = 'parsed' WHERE id = :id")
            .param("id", document)
            .update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    private UUID insertDocument(String title, String version) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO documents (id, title, version, file_path) VALUES (:id, :title, :version, 'x.pdf')")
            .param("id", id)
            .param("title", title)
            .param("version", version)
            .update();
        return id;
    }

    private UUID insertSection(UUID document, UUID parent, int order, String title, String content) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO sections (id, document_id, parent_id, level, title, content, order_index, page_number)
                VALUES (:id, :doc, :parent, :level, :title, :content, :order, 1)
                """)
            .param("id", id)
            .param("doc", document)
            .param("parent", parent)
            .param("level", parent == null ? 1 : 2)
            .param("title", title)
            .param("content", content)
            .param("order", order)
            .update();
        return id;
    }

}
