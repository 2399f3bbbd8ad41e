package org.edm.parser.outbox;

import org.edm.events.DocumentProcessed;
import org.edm.events.Topics;
import org.edm.outbox.OutboxMessage;
import org.edm.outbox.OutboxWriter;
import org.springframework.stereotype.Component;

/**
 * Appends {@link DocumentProcessed} events to the shared transactional outbox
 * ({@code org.edm:outbox}): topic {@value Topics#DOCUMENTS_PROCESSED}, aggregate
 * {@value #AGGREGATE_TYPE} = the document, so the relay publishes it keyed by the
 * document id, in order with the document's other events. Must be called inside the
 * transaction that writes the document's result, after the UPDATE that locks the document
 * row.
 */
@Component
public class ProcessedEventsOutbox {

    static final String AGGREGATE_TYPE = "document";

    private final OutboxWriter writer;

    ProcessedEventsOutbox(OutboxWriter writer) {
        this.writer = writer;
    }

    public void append(DocumentProcessed event) {
        writer.append(new OutboxMessage(event.eventId(), Topics.DOCUMENTS_PROCESSED, AGGREGATE_TYPE, event.documentId(),
                event.type(), event));
    }

}
