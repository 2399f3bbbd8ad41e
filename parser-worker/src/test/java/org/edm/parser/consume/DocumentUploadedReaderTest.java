package org.edm.parser.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.edm.events.DocumentUploaded;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class DocumentUploadedReaderTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private final DocumentUploadedReader reader = new DocumentUploadedReader(json);

    @Test
    void readsAnEventWrittenByTheContractRecord() {
        DocumentUploaded event = DocumentUploaded.of(Instant.parse("2026-11-25T12:00:00Z"), UUID.randomUUID(), "ITCH",
                "5.0", "ab/ab.pdf", 12, "00ff", DocumentUploaded.TRIGGER_UPLOAD);

        assertThat(reader.read(json.writeValueAsString(event))).isEqualTo(event);
    }

    @Test
    void ignoresFieldsAddedLaterToTheContract() {
        // given: the reader built on a mapper that fails on unknown fields, so that only
        // the reader's own
        // configuration can make it ignore them (not this test's, nor whatever defaults
        // the application has)
        var strict = new DocumentUploadedReader(
                JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
        DocumentUploaded event = DocumentUploaded.of(Instant.now(), UUID.randomUUID(), "ITCH", "5.0", "ab/ab.pdf", 12,
                "00ff", DocumentUploaded.TRIGGER_REPROCESS);
        String withExtra = json.writeValueAsString(event).replaceFirst("\\{", "{\"addedLater\":true,");

        // when / then
        assertThat(reader.read(withExtra)).isEqualTo(event);
        assertThat(strict.read(withExtra)).isEqualTo(event);
    }

    @Test
    void rejectsWhatIsNotAnUploadedEventAsMalformed() {
        assertThatThrownBy(() -> reader.read("{\"eventId\": not json")).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> reader.read("")).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> reader.read("null")).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> reader.read("[1,2]")).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> reader.read("{\"type\":\"DocumentUploaded\",\"schemaVersion\":1,\"sizeBytes\":1}"))
            .isInstanceOf(MalformedEvent.class)
            .hasMessageContaining("required");
        assertThatThrownBy(
                () -> reader.read("{\"type\":\"DocumentDeleted\",\"schemaVersion\":1,\"sizeBytes\":1,\"eventId\":\""
                        + UUID.randomUUID() + "\",\"documentId\":\"" + UUID.randomUUID() + "\"}"))
            .isInstanceOf(MalformedEvent.class)
            .hasMessageContaining("type");
        assertThatThrownBy(
                () -> reader.read("{\"type\":\"DocumentUploaded\",\"schemaVersion\":2,\"sizeBytes\":1,\"eventId\":\""
                        + UUID.randomUUID() + "\",\"documentId\":\"" + UUID.randomUUID() + "\"}"))
            .isInstanceOf(MalformedEvent.class)
            .hasMessageContaining("version");
    }

}
