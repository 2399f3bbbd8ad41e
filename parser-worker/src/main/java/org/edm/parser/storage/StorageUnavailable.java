package org.edm.parser.storage;

/**
 * The store could not be reached or failed to answer: transient, the event is retried
 * with back-off.
 */
public class StorageUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StorageUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

}
