package org.edm.ingest.document;

import java.time.Clock;

import org.edm.events.DocumentDeleted;
import org.edm.events.DocumentUploaded;
import org.edm.events.Topics;
import org.edm.outbox.OutboxMessage;
import org.edm.outbox.OutboxWriter;
import org.springframework.stereotype.Component;

/**
 * Announces document changes through the transactional outbox. Call inside the
 * transaction that inserted, updated or deleted the document row: the row lock orders the
 * events of one document.
 */
@Component
public class DocumentEvents {

    static final String AGGREGATE_TYPE = "document";

    private final OutboxWriter outbox;

    private final Clock clock;

    DocumentEvents(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * {@link DocumentUploaded} with the given trigger ({@code upload}, {@code reprocess},
     * {@code recovery}).
     */
    public DocumentUploaded uploaded(StoredDocument document, String trigger) {
        return uploaded(document, trigger, false);
    }

    /**
     * {@link DocumentUploaded} on {@value Topics#DOCUMENTS_UPLOADED}, or on
     * {@value Topics#DOCUMENTS_UPLOADED_BULK} for bulk work, which the parser serves
     * after interactive work.
     */
    public DocumentUploaded uploaded(StoredDocument document, String trigger, boolean bulk) {
        DocumentUploaded event = DocumentUploaded.of(clock.instant(), document.id(), document.title(),
                document.version(), document.filePath(), document.sizeBytes(), document.sha256(), trigger);
        outbox.append(
                new OutboxMessage(event.eventId(), bulk ? Topics.DOCUMENTS_UPLOADED_BULK : Topics.DOCUMENTS_UPLOADED,
                        AGGREGATE_TYPE, document.id(), event.type(), event));
        return event;
    }

    DocumentDeleted deleted(StoredDocument document) {
        DocumentDeleted event = DocumentDeleted.of(clock.instant(), document.id(), document.title(),
                document.version());
        outbox.append(new OutboxMessage(event.eventId(), Topics.DOCUMENTS_DELETED, AGGREGATE_TYPE, document.id(),
                event.type(), event));
        return event;
    }

}
