package org.edm.ingest.document;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A document's status as {@code GET /api/documents/{id}} shows it.
 *
 * @param status {@code pending}, {@code processing}, {@code done} or {@code failed}
 * @param pageCount known once parsed
 */
record DocumentView(UUID id, String title, String version, String status, Instant uploadDate, Instant updatedAt,
        long sizeBytes, String sha256, @Nullable Integer pageCount) {

    static DocumentView of(StoredDocument document) {
        return new DocumentView(document.id(), document.title(), document.version(), document.status(),
                document.uploadDate(), document.updatedAt(), document.sizeBytes(), document.sha256(),
                document.pageCount());
    }
}
