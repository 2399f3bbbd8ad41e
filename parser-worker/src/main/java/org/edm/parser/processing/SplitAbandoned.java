package org.edm.parser.processing;

import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

/**
 * The worker stopped a split before it ended (shutting down, or its thread was
 * interrupted). Transient like any rejected execution: the record is not committed, so it
 * is retried or re-delivered to another instance.
 */
class SplitAbandoned extends RejectedExecutionException {

    private static final long serialVersionUID = 1L;

    SplitAbandoned(UUID documentId) {
        super("the split of document " + documentId + " was abandoned: the worker is stopping");
    }

}
