package org.edm.ingest.upload;

import java.time.Instant;
import java.util.UUID;

import org.edm.ingest.document.StoredDocument;

/**
 * The body of an upload's answer.
 *
 * @param status the document's processing status ({@code pending} for a new upload)
 * @param duplicate true when no new document was created: the same bytes, title and
 * version were uploaded before, or the request repeated an earlier one's Idempotency-Key
 */
record UploadReceipt(UUID id, String title, String version, String status, long sizeBytes, String sha256,
        Instant uploadDate, boolean duplicate) {

    static UploadReceipt of(UploadResult result) {
        StoredDocument document = result.document();
        return new UploadReceipt(document.id(), document.title(), document.version(), document.status(),
                document.sizeBytes(), document.sha256(), document.uploadDate(),
                result.outcome() != UploadResult.Outcome.CREATED);
    }
}
