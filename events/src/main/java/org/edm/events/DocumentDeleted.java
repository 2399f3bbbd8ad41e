package org.edm.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Published on {@value Topics#DOCUMENTS_DELETED} after a document, its stored file and
 * its sections were removed. Schema: {@code schemas/documents.deleted.v1.json}.
 *
 * @param eventId unique per event
 * @param type always {@value #TYPE}
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param occurredAt when the row was deleted (UTC)
 * @param documentId the deleted document, also the record key
 * @param title its title
 * @param version its version
 */
public record DocumentDeleted(UUID eventId, String type, int schemaVersion, Instant occurredAt, UUID documentId,
        String title, String version) {

    public static final String TYPE = "DocumentDeleted";

    public static final int SCHEMA_VERSION = 1;

    public static DocumentDeleted of(Instant occurredAt, UUID documentId, String title, String version) {
        return new DocumentDeleted(UUID.randomUUID(), TYPE, SCHEMA_VERSION, occurredAt, documentId, title, version);
    }
}
