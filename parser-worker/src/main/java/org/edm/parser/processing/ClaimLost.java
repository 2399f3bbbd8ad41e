package org.edm.parser.processing;

import java.util.UUID;

/**
 * Another worker took the document over while this one was parsing it; this worker's
 * result is dropped.
 */
class ClaimLost extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ClaimLost(UUID documentId) {
        super("document " + documentId + " was taken over by another worker");
    }

}
