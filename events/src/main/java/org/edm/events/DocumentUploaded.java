package org.edm.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Published on {@value Topics#DOCUMENTS_UPLOADED} when a PDF was stored and its document
 * row is {@code pending}: after an upload ({@code trigger = "upload"}), a reprocess
 * request ({@code trigger = "reprocess"}), or when ingest-service announces again a
 * document that stayed {@code pending} unclaimed, e.g. because its first event went to
 * the dead-letter topic ({@code trigger = "recovery"}; added compatibly to schema version
 * 1). Schema: {@code schemas/documents.uploaded.v1.json}.
 *
 * @param eventId unique per event; consumers use it to drop re-deliveries
 * @param type always {@value #TYPE}
 * @param schemaVersion {@value #SCHEMA_VERSION}; raised only with a new, separately
 * documented schema
 * @param occurredAt when the document row was written (UTC)
 * @param documentId the document, also the record key
 * @param title the specification's title as given at upload
 * @param version the specification's version as given at upload
 * @param fileLocation where the stored PDF lives (the storage's path, as in
 * {@code documents.file_path})
 * @param sizeBytes size of the stored PDF
 * @param sha256 SHA-256 of the stored PDF, lower-case hex
 * @param trigger {@code upload}, {@code reprocess} or {@code recovery}
 */
public record DocumentUploaded(UUID eventId, String type, int schemaVersion, Instant occurredAt, UUID documentId,
        String title, String version, String fileLocation, long sizeBytes, String sha256, String trigger) {

    public static final String TYPE = "DocumentUploaded";

    public static final int SCHEMA_VERSION = 1;

    public static final String TRIGGER_UPLOAD = "upload";

    public static final String TRIGGER_REPROCESS = "reprocess";

    public static final String TRIGGER_RECOVERY = "recovery";

    /** A new event with a fresh id, the current type and schema version. */
    public static DocumentUploaded of(Instant occurredAt, UUID documentId, String title, String version,
            String fileLocation, long sizeBytes, String sha256, String trigger) {
        return new DocumentUploaded(UUID.randomUUID(), TYPE, SCHEMA_VERSION, occurredAt, documentId, title, version,
                fileLocation, sizeBytes, sha256, trigger);
    }
}
