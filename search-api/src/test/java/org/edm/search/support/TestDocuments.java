package org.edm.search.support;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.edm.testsupport.TestInfrastructure;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes documents and sections straight into the shared test database, as the parser
 * would. The database is shared by every test class of the module, so tests scope their
 * searches by document id or use {@link #uniqueWord()}s that no other test writes.
 */
public final class TestDocuments {

    private final JdbcClient jdbc = JdbcClient.create(TestInfrastructure.shared().dataSource());

    /** The shared test database, for rows the helpers do not write. */
    public JdbcClient jdbc() {
        return jdbc;
    }

    public UUID document(String title, String version, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO documents (id, title, version, processing_status, page_count, metadata, file_path)
                VALUES (:id, :title, :version, :status, 12, CAST(:metadata AS jsonb), :path)
                """)
            .param("id", id)
            .param("title", title)
            .param("version", version)
            .param("status", status)
            .param("metadata", "{\"author\":\"Test\",\"sha256\":\"" + id + "\"}")
            .param("path", id.toString().substring(0, 2) + "/" + id + ".pdf")
            .update();
        return id;
    }

    public UUID section(UUID document, @Nullable UUID parent, int level, int orderIndex, String title, String content,
            @Nullable Integer page) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO sections (id, document_id, level, title, content, page_number, parent_id, order_index)
                VALUES (:id, :document, :level, :title, :content, :page, :parent, :order)
                """)
            .param("id", id)
            .param("document", document)
            .param("level", level)
            .param("title", title)
            .param("content", content)
            .param("page", page)
            .param("parent", parent)
            .param("order", orderIndex)
            .update();
        return id;
    }

    /** A made-up word of lower-case letters that no other test uses. */
    public static String uniqueWord() {
        var word = new StringBuilder("zq");
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.append("x").toString();
    }

}
