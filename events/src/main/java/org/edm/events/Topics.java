package org.edm.events;

/**
 * Kafka topic names of the public contract. Every record on these topics is keyed by the
 * document id (UUID as a string), so all events of one document are read in order from
 * one partition.
 */
public final class Topics {

    /**
     * {@link DocumentUploaded}: a document was accepted (or re-submitted) and waits to be
     * parsed.
     */
    public static final String DOCUMENTS_UPLOADED = "documents.uploaded";

    /**
     * {@link DocumentUploaded} of bulk work (drop folder, scripts: uploads sent with
     * {@code X-Edm-Priority: bulk}): the same events as {@link #DOCUMENTS_UPLOADED}, on a
     * topic of their own so that the parser serves interactive uploads first instead of
     * queueing them behind a bulk import.
     */
    public static final String DOCUMENTS_UPLOADED_BULK = "documents.uploaded.bulk";

    /** {@link DocumentDeleted}: a document, its file and its sections were removed. */
    public static final String DOCUMENTS_DELETED = "documents.deleted";

    /**
     * {@link DocumentProcessed}: parsing finished, with status {@code done} or
     * {@code failed}.
     */
    public static final String DOCUMENTS_PROCESSED = "documents.processed";

    /**
     * {@link DocumentsCompared}: a version was compared section by section with its
     * family's previous version.
     */
    public static final String DOCUMENTS_COMPARED = "documents.compared";

    /**
     * Records of {@link #DOCUMENTS_UPLOADED} that the parser could not handle after its
     * retries.
     */
    public static final String DOCUMENTS_UPLOADED_DEAD_LETTER = "documents.uploaded.DLT";

    /**
     * Kafka header carrying the event type, so consumers can route without parsing the
     * payload.
     */
    public static final String EVENT_TYPE_HEADER = "edm-event-type";

    private Topics() {
    }

}
