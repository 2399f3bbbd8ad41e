package org.edm.migrations.contract;

import static org.edm.migrations.contract.SchemaContract.Column.notNull;
import static org.edm.migrations.contract.SchemaContract.Column.nullable;

import java.util.List;
import java.util.regex.Pattern;

import org.edm.migrations.contract.SchemaContract.ForeignKey;
import org.edm.migrations.contract.SchemaContract.Index;
import org.edm.migrations.contract.SchemaContract.Table;
import org.edm.migrations.contract.SchemaContract.Trigger;

/**
 * The contract of migrations/SCHEMA.md (documents, sections, their five named indexes,
 * the {@code updated_at} triggers, the cascades, the status default, the generated
 * {@code search_vector}) and of the tables that released migrations added for the
 * pipeline (outbox_events, upload_idempotency_keys, processed_events) and access control
 * (api_keys).
 * <p>
 * Nullability and types are those of the released migrations. A new migration that only
 * adds tables, columns or indexes does not need a change here ({@code verify} reports the
 * additions as information); one that changes something listed here changes SCHEMA.md and
 * this contract with it.
 */
public final class EdmSchema {

    private static final String UUID = "uuid";

    private static final String INTEGER = "integer";

    private static final String TIMESTAMP = "timestamp without time zone";

    private static final String JSONB = "jsonb";

    /** The title weighs more (A) than the content (B); see V20261125_1200_001. */
    private static final Pattern WEIGHTED_TITLE_AND_CONTENT = Pattern
        .compile("(?s).*setweight\\(.*\\btitle\\b.*'A'.*setweight\\(.*\\bcontent\\b.*'B'.*");

    private EdmSchema() {
    }

    public static SchemaContract contract() {
        return new SchemaContract(tables(), indexes(), triggers(), foreignKeys());
    }

    private static List<Table> tables() {
        return List.of(Table.of("documents", List.of("id"), notNull("id", UUID), notNull("title", varchar(255)),
                notNull("version", varchar(50)), notNull("upload_date", TIMESTAMP), nullable("file_path", varchar(500)),
                nullable("page_count", INTEGER),
                notNull("processing_status", varchar(50)).withDefault("'pending'::character varying"),
                nullable("metadata", JSONB), notNull("created_at", TIMESTAMP), notNull("updated_at", TIMESTAMP)),
                Table.of("sections", List.of("id"), notNull("id", UUID), notNull("document_id", UUID),
                        notNull("level", INTEGER), nullable("title", varchar(500)), nullable("content", "text"),
                        nullable("page_number", INTEGER), nullable("parent_id", UUID), notNull("order_index", INTEGER),
                        nullable("search_vector", "tsvector").generatedStored(
                                "setweight(title, 'A') || setweight(content, 'B')", WEIGHTED_TITLE_AND_CONTENT),
                        notNull("created_at", TIMESTAMP), notNull("updated_at", TIMESTAMP)),
                Table.of("outbox_events", List.of("id"), notNull("id", UUID), notNull("sequence_no", "bigint"),
                        notNull("aggregate_type", varchar(50)), notNull("aggregate_id", UUID),
                        notNull("event_type", varchar(100)), notNull("topic", varchar(255)), notNull("payload", JSONB),
                        notNull("created_at", TIMESTAMP), nullable("published_at", TIMESTAMP),
                        notNull("attempts", INTEGER), nullable("last_error", "text")),
                Table.of("upload_idempotency_keys", List.of("caller", "idempotency_key"),
                        notNull("idempotency_key", varchar(255)), notNull("document_id", UUID),
                        notNull("created_at", TIMESTAMP), notNull("caller", "text")),
                Table.of("api_keys", List.of("id"), notNull("id", UUID), notNull("name", "text"),
                        notNull("key_prefix", "text"), notNull("key_hash", "text"), notNull("scopes", "text[]"),
                        notNull("created_at", "timestamp with time zone"),
                        nullable("last_used_at", "timestamp with time zone"),
                        nullable("revoked_at", "timestamp with time zone")),
                Table.of("processed_events", List.of("event_id", "consumer"), notNull("event_id", UUID),
                        notNull("consumer", varchar(100)), nullable("document_id", UUID),
                        notNull("processed_at", TIMESTAMP)));
    }

    private static List<Index> indexes() {
        return List.of(Index.btree("idx_sections_document", "sections", "document_id"),
                Index.btree("idx_sections_parent", "sections", "parent_id"),
                Index.uniqueBtree("idx_sections_order", "sections", "document_id", "order_index"),
                Index.gin("idx_sections_fts", "sections", "search_vector"),
                Index.btree("idx_documents_status", "documents", "processing_status"),
                Index.uniqueBtree("idx_documents_identity", "documents", "title", "version",
                        "(metadata ->> 'sha256'::text)"),
                Index.btree("idx_outbox_unpublished", "outbox_events", "sequence_no").where("(published_at IS NULL)"),
                Index.uniqueBtree("uq_outbox_events_sequence", "outbox_events", "sequence_no"),
                Index.btree("idx_processed_events_document", "processed_events", "document_id"),
                Index.uniqueBtree("uq_api_keys_name", "api_keys", "name"),
                Index.uniqueBtree("uq_api_keys_key_hash", "api_keys", "key_hash"));
    }

    private static List<Trigger> triggers() {
        return List.of(Trigger.beforeUpdateEachRow("trg_documents_updated_at", "documents", "set_updated_at"),
                Trigger.beforeUpdateEachRow("trg_sections_updated_at", "sections", "set_updated_at"));
    }

    private static List<ForeignKey> foreignKeys() {
        return List.of(ForeignKey.cascading("fk_sections_document", "sections", "document_id", "documents", "id"),
                ForeignKey.cascading("fk_sections_parent", "sections", "parent_id", "sections", "id"),
                ForeignKey.cascading("fk_upload_idempotency_keys_document", "upload_idempotency_keys", "document_id",
                        "documents", "id"));
    }

    private static String varchar(int length) {
        return "character varying(" + length + ")";
    }

}
