package org.edm.parser.processing;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * This worker's hold on a document in {@code processing} (or a {@code done} one being
 * reprocessed): the final write succeeds only while the document still carries
 * {@code token}, so a worker that lost the document to another never overwrites its
 * result.
 *
 * @param documentId the document
 * @param eventId the {@code DocumentUploaded} event being applied
 * @param token random, per claim
 * @param fileKey the document's {@code file_path}
 * @param reprocessingDone whether the document is {@code done} and stays so while it is
 * reprocessed: its sections stay until new ones replace them, and a failure keeps them
 * @param attempt how many times this event has claimed the document, this claim included
 */
record Claim(UUID documentId, UUID eventId, UUID token, @Nullable String fileKey, boolean reprocessingDone,
        int attempt) {
}
