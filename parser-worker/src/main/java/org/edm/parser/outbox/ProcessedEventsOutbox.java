package org.edm.parser.outbox;

import org.edm.events.DocumentProcessed;

/**
 * Appends a {@link DocumentProcessed} event to the outbox. Must be called inside the caller's transaction: the
 * event becomes visible (and is published) only if that transaction commits.
 */
public interface ProcessedEventsOutbox {

    void append(DocumentProcessed event);
}
