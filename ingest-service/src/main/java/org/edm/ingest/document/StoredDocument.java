package org.edm.ingest.document;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A {@code documents} row as this service sees it.
 *
 * @param filePath the storage key of its PDF
 * @param sha256 SHA-256 of the PDF (from {@code metadata.sha256})
 * @param sizeBytes size of the PDF (from {@code metadata.size_bytes})
 */
public record StoredDocument(UUID id, String title, String version, String status, String filePath, String sha256,
        long sizeBytes, Instant uploadDate, @Nullable Integer pageCount, Instant updatedAt) {
}
