package org.edm.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records and the published JSON schemas must not drift apart: every required property of a schema is a
 * record component, every component is declared by the schema, and values round-trip through JSON.
 */
class EventSchemaTests {

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
    void documentProcessedMatchesItsSchemaWithNullsWrittenExplicitly() throws Exception {
        var event = DocumentProcessed.failed(Instant.parse("2026-11-25T10:15:30Z"), UUID.randomUUID(),
                UUID.randomUUID(), null, 12, "damaged", "The PDF's cross-reference table is broken");

        String text = json.writeValueAsString(event);

        assertMatchesSchema(text, "documents.processed.v1.json");
        assertThat(json.readTree(text).get("pageCount").isNull()).isTrue();
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
    void consumersIgnoreFieldsAddedByLaterCompatibleVersions() throws Exception {
        var event = DocumentDeleted.of(Instant.parse("2026-11-25T10:15:30Z"), UUID.randomUUID(), "OUCH", "4.2");
        String text = json.writeValueAsString(event).replaceFirst("\\{", "{\"addedLater\":\"x\",");

        assertThat(JsonMapper.builder()
                .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build()
                .readValue(text, DocumentDeleted.class)).isEqualTo(event);
    }

    private void assertMatchesSchema(String eventJson, String schemaName) throws Exception {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + schemaName)) {
            assertThat(in).as(schemaName).isNotNull();
            schema = json.readTree(in);
        }
        JsonNode event = json.readTree(eventJson);
        Set<String> declared = new HashSet<>(schema.get("properties").propertyNames());
        Set<String> written = new HashSet<>(event.propertyNames());
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(n -> required.add(n.asString()));

        assertThat(written).as("fields written for " + schemaName).isEqualTo(declared);
        assertThat(required).as("required fields of " + schemaName).isSubsetOf(written);
        assertThat(event.get("type").asString()).isEqualTo(schema.get("properties").get("type").get("const").asString());
        assertThat(event.get("schemaVersion").asInt())
                .isEqualTo(schema.get("properties").get("schemaVersion").get("const").asInt());
    }
}
