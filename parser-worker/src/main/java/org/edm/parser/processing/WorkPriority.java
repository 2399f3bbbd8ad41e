package org.edm.parser.processing;

/**
 * Which topic a document came from: {@code documents.uploaded} (interactive) or
 * {@code documents.uploaded.bulk}. A bulk document gives its place in the queue for a
 * split slot to any interactive document waiting for one, so a single upload is parsed
 * next even while a bulk import holds every slot.
 */
public enum WorkPriority {

    INTERACTIVE, BULK

}
