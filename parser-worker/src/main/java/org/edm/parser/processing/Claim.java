package org.edm.parser.processing;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * This worker's hold on a document in {@code processing}: the final write succeeds only while the document still
 * carries {@code token}, so a worker that lost the document to another never overwrites its result.
 *
 * @param documentId the document
 * @param eventId the {@code DocumentUploaded} event being applied
 * @param token random, per claim
 * @param fileKey the document's {@code file_path}
 */
record Claim(UUID documentId, UUID eventId, UUID token, @Nullable String fileKey) {
}
