package org.edm.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records and the published JSON schemas must not drift apart: every event written
 * validates against its schema (types, formats, allowed values, through a JSON Schema
 * validator), every field written is declared by the schema, and values round-trip
 * through JSON. That consumers ignore fields added later is tested where the project's
 * consumer reads events ({@code DocumentUploadedReaderTest} in parser-worker).
 */
class EventSchemaTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void documentUploadedMatchesItsSchemaAndRoundTrips() throws Exception {
        // given
        var event = DocumentUploaded.of(Instant.parse("2026-11-25T10:15:30Z"), UUID.randomUUID(), "ITCH", "5.0",
                "ab/cd/abcd.pdf", 1234, "a".repeat(64), DocumentUploaded.TRIGGER_UPLOAD);

        // when
        String text = json.writeValueAsString(event);

        // then
        assertMatchesSchema(text, "documents.uploaded.v1.json");
        assertThat(json.readTree(text).get("occurredAt").asString()).isEqualTo("2026-11-25T10:15:30Z");
        assertThat(json.readValue(text, DocumentUploaded.class)).isEqualTo(event);
    }

    @Test
    void documentDeletedMatchesItsSchemaAndRoundTrips() throws Exception {
        var event = DocumentDeleted.of(Instant.parse("2026-11-25T10:15:30Z"), UUID.randomUUID(), "OUCH", "4.2");

        String text = json.writeValueAsString(event);

        assertMatchesSchema(text, "documents.deleted.v1.json");
        assertThat(json.readValue(text, DocumentDeleted.class)).isEqualTo(event);
    }

    @Test
    void aFailureMessageOfAnyLengthIsCappedSoTheEventStaysSmall() {
        // given: an exception message quoting a whole content stream
        String huge = "Tj ".repeat(100_000);

        // when
        var event = new DocumentProcessed(UUID.randomUUID(), DocumentProcessed.TYPE, DocumentProcessed.SCHEMA_VERSION,
                Instant.parse("2026-11-25T10:15:30Z"), UUID.randomUUID(), UUID.randomUUID(),
                DocumentProcessed.STATUS_FAILED, 0, 3, 12, FailureReason.DAMAGED.code(), huge);

        // then
        assertThat(event.failureMessage()).hasSize(DocumentProcessed.MAX_FAILURE_MESSAGE_LENGTH)
            .startsWith("Tj Tj")
            .endsWith("...");
        assertThat(DocumentProcessed.MAX_FAILURE_MESSAGE_LENGTH).isEqualTo(1_000);
    }

    @Test
    void documentProcessedMatchesItsSchemaWithNullsWrittenExplicitly() throws Exception {
        var event = DocumentProcessed.failed(Instant.parse("2026-11-25T10:15:30Z"), UUID.randomUUID(),
                UUID.randomUUID(), null, 12, FailureReason.DAMAGED);

        String text = json.writeValueAsString(event);

        assertMatchesSchema(text, "documents.processed.v1.json");
        assertThat(json.readTree(text).get("pageCount").isNull()).isTrue();
        assertThat(json.readTree(text).get("failureReason").asString()).isEqualTo("damaged");
        assertThat(json.readTree(text).get("failureMessage").asString())
            .isEqualTo("The PDF is damaged and could not be read.");
        assertThat(json.readValue(text, DocumentProcessed.class)).isEqualTo(event);
    }

    @Test
    void documentsComparedMatchesItsSchemaCapsItsSectionListAndRoundTrips() throws Exception {
        // given: 150 changed sections, more than an event lists
        List<DocumentsCompared.ChangedSection> sections = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            sections.add(new DocumentsCompared.ChangedSection("changed", "messages/order-" + i, "4." + i + " Order"));
        }

        // when
        var event = DocumentsCompared.of(Instant.parse("2026-11-29T10:15:30Z"), "eurex t7 eobi", UUID.randomUUID(),
                "13.0", UUID.randomUUID(), "13.1", new DocumentsCompared.Counts(10, 150, 1, 2, 0, 0), sections);
        String text = json.writeValueAsString(event);

        // then
        assertMatchesSchema(text, "documents.compared.v1.json");
        assertThat(event.changedSections()).hasSize(DocumentsCompared.MAX_LISTED_SECTIONS);
        assertThat(event.changedSectionsTruncated()).isTrue();
        assertThat(event.documentId()).isEqualTo(event.toDocumentId());
        assertThat(json.readValue(text, DocumentsCompared.class)).isEqualTo(event);
    }

    @Test
    void theSchemasRejectEventsOfTheWrongShape() throws Exception {
        // given: valid events, each then broken in one field's type, format or allowed
        // values
        String uploaded = json
            .writeValueAsString(DocumentUploaded.of(Instant.parse("2026-11-25T10:15:30Z"), UUID.randomUUID(), "ITCH",
                    "5.0", "ab/cd/abcd.pdf", 1234, "a".repeat(64), DocumentUploaded.TRIGGER_UPLOAD));
        String processed = json.writeValueAsString(DocumentProcessed.failed(Instant.parse("2026-11-25T10:15:30Z"),
                UUID.randomUUID(), UUID.randomUUID(), null, 12, FailureReason.DAMAGED));

        // then: each broken copy fails validation, and the schema names the field
        assertSchemaRejects(uploaded.replaceFirst("\"sizeBytes\":1234", "\"sizeBytes\":\"1234\""),
                "documents.uploaded.v1.json", "sizeBytes");
        assertSchemaRejects(uploaded.replaceFirst("\"occurredAt\":\"[^\"]+\"", "\"occurredAt\":\"yesterday\""),
                "documents.uploaded.v1.json", "occurredAt");
        assertSchemaRejects(uploaded.replaceFirst("\"documentId\":\"[^\"]+\"", "\"documentId\":\"42\""),
                "documents.uploaded.v1.json", "documentId");
        assertSchemaRejects(processed.replaceFirst("\"status\":\"failed\"", "\"status\":\"exploded\""),
                "documents.processed.v1.json", "status");
        assertSchemaRejects(processed.replaceFirst("\"schemaVersion\":1", "\"schemaVersion\":2"),
                "documents.processed.v1.json", "schemaVersion");
        assertSchemaRejects(processed.replaceFirst("\"failureReason\":\"damaged\"", "\"failureReason\":\"Damaged\""),
                "documents.processed.v1.json", "failureReason");
    }

    @Test
    void theProcessedSchemaListsExactlyTheFailureReasonCodes() throws Exception {
        // given
        JsonNode schema = schema("documents.processed.v1.json");

        // when
        List<String> listed = new ArrayList<>();
        schema.get("properties")
            .get("failureReason")
            .get("enum")
            .forEach(value -> listed.add(value.isNull() ? null : value.asString()));

        // then: the wire values of today, one per constant, and null for a document that
        // is done
        assertThat(listed).containsExactlyInAnyOrder("not_a_pdf", "encrypted", "damaged", "no_text", "file_missing",
                "too_large", "timeout", "processing_error", "attempts_exhausted", null);
        assertThat(Arrays.stream(FailureReason.values()).map(FailureReason::code))
            .containsExactlyInAnyOrderElementsOf(listed.stream().filter(Objects::nonNull).toList());
        assertThat(FailureReason.fromCode("no_text")).contains(FailureReason.NO_TEXT);
        assertThat(FailureReason.fromCode("exploded")).isEmpty();
    }

    @Test
    void theProcessedStatusesAreTheFinalProcessingStatusesWithTheirColumnValues() throws Exception {
        // given
        List<String> listed = new ArrayList<>();
        schema("documents.processed.v1.json").get("properties")
            .get("status")
            .get("enum")
            .forEach(value -> listed.add(value.asString()));

        // then
        assertThat(listed).containsExactlyInAnyOrder("done", "failed");
        assertThat(
                Arrays.stream(ProcessingStatus.values()).filter(ProcessingStatus::isFinal).map(ProcessingStatus::value))
            .containsExactlyInAnyOrderElementsOf(listed);
        assertThat(Arrays.stream(ProcessingStatus.values()).map(ProcessingStatus::value)).containsExactly("pending",
                "processing", "done", "failed");
        assertThat(ProcessingStatus.fromValue("processing")).contains(ProcessingStatus.PROCESSING);
        assertThat(ProcessingStatus.fromValue("DONE")).isEmpty();
        assertThat(ProcessingStatus.sqlParameters()).containsEntry("done", "done").hasSize(4);
    }

    private JsonNode schema(String schemaName) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + schemaName)) {
            assertThat(in).as(schemaName).isNotNull();
            return json.readTree(in);
        }
    }

    private void assertMatchesSchema(String eventJson, String schemaName) throws Exception {
        JsonNode schema = schema(schemaName);
        JsonNode event = json.readTree(eventJson);
        assertThat(validate(eventJson, schemaName)).as("schema errors for " + schemaName).isEmpty();
        Set<String> declared = new HashSet<>(schema.get("properties").propertyNames());
        Set<String> written = new HashSet<>(event.propertyNames());
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(n -> required.add(n.asString()));

        assertThat(written).as("fields written for " + schemaName).isEqualTo(declared);
        assertThat(required).as("required fields of " + schemaName).isSubsetOf(written);
        assertThat(event.get("type").asString())
            .isEqualTo(schema.get("properties").get("type").get("const").asString());
        assertThat(event.get("schemaVersion").asInt())
            .isEqualTo(schema.get("properties").get("schemaVersion").get("const").asInt());
    }

    private void assertSchemaRejects(String eventJson, String schemaName, String field) throws Exception {
        assertThat(validate(eventJson, schemaName)).as(eventJson)
            .isNotEmpty()
            .anySatisfy(error -> assertThat(error.toString()).contains(field));
    }

    /**
     * Validates with a JSON Schema 2020-12 validator, formats (uuid, date-time) asserted,
     * not only annotated.
     */
    private List<com.networknt.schema.Error> validate(String eventJson, String schemaName) throws Exception {
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + schemaName)) {
            assertThat(in).as(schemaName).isNotNull();
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
        return schema.validate(json.readTree(eventJson),
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    }

}
