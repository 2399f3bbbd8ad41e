package org.edm.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.edm.migrations.ToolRunner.Result;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Least privilege (migration V20261129_2100_402): each service role, connected as itself
 * on real PostgreSQL, can run its service's statements and nothing that changes what it
 * only reads; {@code roles --login} gives the roles LOGIN with passwords from the
 * environment.
 */
class ServiceRolesIntegrationTest {

    private static final String DATABASE = "service_roles";

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static JdbcClient owner;

    @BeforeAll
    static void migratedDatabaseWithLogins() {
        TestInfrastructure.shared().createDatabase(DATABASE);
        ToolRunner tool = ToolRunner.withEnvironment(Map.of("EDM_DB_URL", ToolRunner.url(DATABASE), "EDM_DB_USER",
                TestInfrastructure.shared().username(), "EDM_DB_PASSWORD", TestInfrastructure.shared().password(),
                "EDM_INGEST_DB_PASSWORD", "ingest-secret", "EDM_PARSER_DB_PASSWORD", "parser-secret",
                "EDM_SEARCH_DB_PASSWORD", "search-secret"));
        assertThat(tool.run("upgrade").exitCode()).isZero();
        Result login = tool.run("roles", "--login");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        owner = JdbcClient.create(TestInfrastructure.shared().dataSource(DATABASE));
    }

    @Test
    void rolesLoginStoresOnlyAScramHashOfEachPasswordFromTheEnvironment() {
        // when (the set-up ran roles --login)
        List<String> stored = owner.sql("""
                SELECT rolname || ' ' || rolcanlogin || ' ' || left(rolpassword, 14) FROM pg_authid
                WHERE rolname IN ('edm_ingest', 'edm_parser', 'edm_search') ORDER BY rolname
                """).query(String.class).list();

        // then
        assertThat(stored).containsExactly("edm_ingest true SCRAM-SHA-256$", "edm_parser true SCRAM-SHA-256$",
                "edm_search true SCRAM-SHA-256$");
        Result status = ToolRunner.on(DATABASE).run("roles");
        assertThat(status.outLines()).containsExactly("edm_ingest  login", "edm_parser  login", "edm_search  login");
    }

    @Test
    void rolesLoginWithoutAnyPasswordVariableIsRefused() {
        // when
        Result result = ToolRunner.on(DATABASE).run("roles", "--login");

        // then
        assertThat(result.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(result.err()).contains("no password in the environment");
    }

    @Test
    void searchRoleReadsDocumentsAndSectionsButCannotChangeThem() {
        // given
        UUID document = insertDocument(owner);
        UUID section = insertSection(owner, document);
        JdbcClient search = connectAs("edm_search");

        // when / then
        assertThat(search
            .sql("SELECT count(*) FROM documents d JOIN sections s ON s.document_id = d.id "
                    + "WHERE s.search_vector @@ to_tsquery('english', 'heading')")
            .query(Long.class)
            .single()).isEqualTo(1);
        assertRefused(() -> insertDocument(search));
        assertRefused(() -> insertSection(search, document));
        assertRefused(
                () -> search.sql("UPDATE documents SET title = 'x' WHERE id = :id").param("id", document).update());
        assertRefused(
                () -> search.sql("UPDATE sections SET content = 'x' WHERE id = :id").param("id", section).update());
        assertRefused(() -> search.sql("DELETE FROM sections WHERE id = :id").param("id", section).update());
        assertRefused(() -> search.sql("DELETE FROM documents WHERE id = :id").param("id", document).update());
        assertRefused(() -> search.sql("SELECT count(*) FROM outbox_events").query(Long.class).single());
        assertRefused(() -> search.sql("SELECT count(*) FROM upload_idempotency_keys").query(Long.class).single());
        assertRefused(() -> search.sql("CREATE TABLE stolen (id int)").update());
    }

    @Test
    void everyServiceRoleReadsApiKeysAndMarksTheirUseButCannotCreateWidenOrRevokeThem() {
        // given
        new org.edm.migrations.keys.ApiKeys(TestInfrastructure.shared().dataSource(DATABASE))
            .create("reader-" + UUID.randomUUID(), List.of("documents:read"));

        for (String role : List.of("edm_search", "edm_ingest", "edm_parser")) {
            JdbcClient service = connectAs(role);

            // when / then
            assertThat(service.sql("SELECT count(*) FROM api_keys WHERE revoked_at IS NULL").query(Long.class).single())
                .isPositive();
            assertThat(service.sql("UPDATE api_keys SET last_used_at = now()").update()).isPositive();
            assertRefused(() -> service.sql("UPDATE api_keys SET scopes = ARRAY['admin']").update());
            assertRefused(() -> service.sql("UPDATE api_keys SET revoked_at = NULL").update());
            assertRefused(() -> service.sql("DELETE FROM api_keys").update());
            assertRefused(() -> service.sql("""
                    INSERT INTO api_keys (id, name, key_prefix, key_hash, scopes)
                    VALUES (gen_random_uuid(), 'mine', 'x', 'y', ARRAY['admin'])
                    """).update());
        }
    }

    @Test
    void ingestRoleUploadsReprocessesAndDeletesDocuments() {
        // given
        JdbcClient ingest = connectAs("edm_ingest");

        // when: an upload (document, outbox row, Idempotency-Key), a reprocess, a delete
        UUID document = insertDocument(ingest);
        insertOutboxEvent(ingest, document);
        ingest.sql("""
                INSERT INTO upload_idempotency_keys (caller, idempotency_key, document_id) VALUES ('k', :key, :id)
                ON CONFLICT (caller, idempotency_key) DO UPDATE
                SET document_id = EXCLUDED.document_id, created_at = now()
                RETURNING document_id
                """).param("key", "key-" + document).param("id", document).query(UUID.class).single();
        ingest.sql("UPDATE documents SET processing_status = 'pending' WHERE id = :id").param("id", document).update();
        insertSection(owner, document);
        ingest.sql("UPDATE outbox_events SET published_at = now(), attempts = attempts + 1 WHERE aggregate_id = :id")
            .param("id", document)
            .update();
        ingest.sql("DELETE FROM sections WHERE document_id = :id").param("id", document).update();
        int deleted = ingest.sql("DELETE FROM documents WHERE id = :id").param("id", document).update();

        // then
        assertThat(deleted).isEqualTo(1);
        assertRefused(() -> insertSection(ingest, insertDocument(ingest)));
        assertRefused(() -> ingest.sql("SELECT count(*) FROM processed_events").query(Long.class).single());
    }

    @Test
    void parserRoleClaimsAndFinishesADocumentWithItsSectionsButCannotCreateOrDeleteDocuments() {
        // given
        UUID document = insertDocument(owner);
        JdbcClient parser = connectAs("edm_parser");

        // when: claim, replace the sections, record the event, finish, write
        // documents.processed
        parser.sql("UPDATE documents SET processing_status = 'processing' WHERE id = :id")
            .param("id", document)
            .update();
        parser.sql("DELETE FROM sections WHERE document_id = :id").param("id", document).update();
        insertSection(parser, document);
        parser.sql("""
                INSERT INTO processed_events (event_id, consumer, document_id) VALUES (:event, 'parser-worker', :id)
                ON CONFLICT (event_id, consumer) DO NOTHING
                """).param("event", UUID.randomUUID()).param("id", document).update();
        parser.sql("UPDATE documents SET processing_status = 'done', page_count = 1 WHERE id = :id")
            .param("id", document)
            .update();
        insertOutboxEvent(parser, document);

        // then
        assertThat(owner.sql("SELECT processing_status FROM documents WHERE id = :id")
            .param("id", document)
            .query(String.class)
            .single()).isEqualTo("done");
        assertRefused(() -> insertDocument(parser));
        assertRefused(() -> parser.sql("DELETE FROM documents WHERE id = :id").param("id", document).update());
        assertRefused(() -> parser.sql("SELECT count(*) FROM upload_idempotency_keys").query(Long.class).single());
    }

    @Test
    void everyTableIsGrantedToAtLeastOneServiceRole() {
        // A later migration's table that no service may touch would fail the service at
        // run time: this is the
        // reminder that each migration grants what the services need (there are no
        // default privileges).
        List<String> ungranted = owner.sql("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind = 'r'
                  AND c.relname NOT LIKE 'flyway_schema_history%'
                  AND NOT EXISTS (SELECT FROM unnest(ARRAY['edm_ingest', 'edm_parser', 'edm_search']) r
                                  WHERE has_table_privilege(r, c.oid, 'SELECT'))
                """).query(String.class).list();

        assertThat(ungranted).as("tables no service role may read").isEmpty();
    }

    private static JdbcClient connectAs(String role) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(ToolRunner.url(DATABASE));
        dataSource.setUser(role);
        dataSource.setPassword(role.substring(4) + "-secret");
        return JdbcClient.create((DataSource) dataSource);
    }

    private static UUID insertDocument(JdbcClient jdbc) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO documents (id, title, version, file_path, processing_status, metadata)
                VALUES (:id, 'Spec', '1.0', :path, 'pending', CAST(:metadata AS jsonb))
                ON CONFLICT (title, version, (metadata ->> 'sha256')) DO NOTHING
                RETURNING id
                """)
            .param("id", id)
            .param("path", id + ".pdf")
            .param("metadata", "{\"sha256\": \"" + id + "\"}")
            .query(UUID.class)
            .single();
        return id;
    }

    private static UUID insertSection(JdbcClient jdbc, UUID document) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO sections (id, document_id, level, title, content, page_number, parent_id, order_index)
                VALUES (:id, :document, 1, 'Heading', 'body text', 1, NULL,
                        (SELECT count(*) FROM sections WHERE document_id = :document))
                """).param("id", id).param("document", document).update();
        return id;
    }

    private static void insertOutboxEvent(JdbcClient jdbc, UUID document) {
        jdbc.sql("""
                INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, topic, payload)
                VALUES (:id, 'document', :document, 'test', 'documents.test', '{}'::jsonb)
                """).param("id", UUID.randomUUID()).param("document", document).update();
    }

    private static void assertRefused(Runnable statement) {
        assertThatThrownBy(statement::run).isInstanceOf(DataAccessException.class)
            .rootCause()
            .isInstanceOf(SQLException.class)
            .satisfies(cause -> assertThat(((SQLException) cause).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

}
