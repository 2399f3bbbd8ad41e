package org.edm.parser.consume;

import org.edm.events.DocumentUploaded;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code documents.uploaded} record value as a {@link DocumentUploaded} v1 event.
 * Unknown fields are ignored (the contract allows optional additions); anything that is
 * not JSON, not this type or version, or lacks the ids is a {@link MalformedEvent}.
 */
@Component
class DocumentUploadedReader {

    private final JsonMapper json;

    DocumentUploadedReader(JsonMapper json) {
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    DocumentUploaded read(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedEvent("empty record value");
        }
        DocumentUploaded event;
        try {
            event = json.readValue(value, DocumentUploaded.class);
        }
        catch (JacksonException e) {
            throw new MalformedEvent("not a DocumentUploaded JSON document: " + e.getOriginalMessage(), e);
        }
        if (event == null) {
            throw new MalformedEvent("record value is JSON null");
        }
        if (!DocumentUploaded.TYPE.equals(event.type())) {
            throw new MalformedEvent("unexpected event type " + event.type());
        }
        if (event.schemaVersion() != DocumentUploaded.SCHEMA_VERSION) {
            throw new MalformedEvent("unsupported schema version " + event.schemaVersion());
        }
        if (event.eventId() == null || event.documentId() == null) {
            throw new MalformedEvent("eventId and documentId are required");
        }
        return event;
    }

}
