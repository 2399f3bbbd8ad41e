package org.edm.parser.compare.consume;

import org.edm.events.DocumentProcessed;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code documents.processed} record value as a {@link DocumentProcessed} v1
 * event; unknown fields are ignored, anything else unexpected is an
 * {@link UnreadableEvent}.
 */
@Component
class DocumentProcessedReader {

    private final JsonMapper json;

    DocumentProcessedReader(JsonMapper json) {
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    DocumentProcessed read(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new UnreadableEvent("empty record value");
        }
        DocumentProcessed event;
        try {
            event = json.readValue(value, DocumentProcessed.class);
        }
        catch (JacksonException e) {
            throw new UnreadableEvent("not a DocumentProcessed JSON document: " + e.getOriginalMessage(), e);
        }
        if (event == null || !DocumentProcessed.TYPE.equals(event.type())
                || event.schemaVersion() != DocumentProcessed.SCHEMA_VERSION) {
            throw new UnreadableEvent("not a DocumentProcessed v1 event");
        }
        if (event.eventId() == null || event.documentId() == null || event.status() == null) {
            throw new UnreadableEvent("eventId, documentId and status are required");
        }
        return event;
    }

}
