package org.edm.parser.compare;

import org.edm.events.DocumentsCompared;
import org.edm.events.Topics;
import org.edm.outbox.OutboxMessage;
import org.edm.outbox.OutboxWriter;
import org.springframework.stereotype.Component;

/**
 * Appends {@link DocumentsCompared} events to the transactional outbox: topic
 * {@value Topics#DOCUMENTS_COMPARED}, aggregate {@code document} = the newer version,
 * whose row the caller has locked in the same transaction.
 */
@Component
class ComparedEventsOutbox {

    private final OutboxWriter writer;

    ComparedEventsOutbox(OutboxWriter writer) {
        this.writer = writer;
    }

    void append(DocumentsCompared event) {
        writer.append(new OutboxMessage(event.eventId(), Topics.DOCUMENTS_COMPARED, "document", event.documentId(),
                event.type(), event));
    }

}
