package org.edm.parser.compare.consume;

/**
 * A {@code documents.processed} record that is not a readable {@code DocumentProcessed}
 * v1 event (poison).
 */
class UnreadableEvent extends RuntimeException {

    UnreadableEvent(String message) {
        super(message);
    }

    UnreadableEvent(String message, Throwable cause) {
        super(message, cause);
    }

}
