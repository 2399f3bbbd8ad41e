package org.edm.parser.consume;

/**
 * A {@code documents.uploaded} record that is not a readable {@code DocumentUploaded} v1
 * event: a poison message. It is never retried; it goes straight to the dead-letter
 * topic.
 */
class MalformedEvent extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedEvent(String message) {
        super(message);
    }

    MalformedEvent(String message, Throwable cause) {
        super(message, cause);
    }

}
