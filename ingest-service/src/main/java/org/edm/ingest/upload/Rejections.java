package org.edm.ingest.upload;

import java.util.Map;

import org.edm.ingest.web.IngestProblem;
import org.edm.security.RejectedRequest;

/** Why an upload was refused; each becomes a problem detail of its type. */
final class Rejections {

    private Rejections() {
    }

    static final class FileMissing extends RejectedRequest {

        FileMissing() {
            super(IngestProblem.FILE_MISSING, "Send the PDF as the multipart part 'file'", Map.of("field", "file"));
        }

    }

    static final class FileEmpty extends RejectedRequest {

        FileEmpty() {
            super(IngestProblem.FILE_EMPTY, "The part 'file' has no content", Map.of("field", "file"));
        }

    }

    static final class NotAPdf extends RejectedRequest {

        NotAPdf() {
            super(IngestProblem.NOT_A_PDF,
                    "The file has no PDF header (%PDF-) in its first " + PdfSniffer.HEADER_WINDOW + " bytes");
        }

    }

    static final class DocumentTooLarge extends RejectedRequest {

        DocumentTooLarge(long maxSizeBytes) {
            super(IngestProblem.DOCUMENT_TOO_LARGE, "The file is larger than " + maxSizeBytes + " bytes",
                    Map.of("maxSizeBytes", maxSizeBytes));
        }

    }

    static final class FieldMissing extends RejectedRequest {

        FieldMissing(String field) {
            super(IngestProblem.FIELD_MISSING, "The field '" + field + "' is required", Map.of("field", field));
        }

    }

    static final class FieldTooLong extends RejectedRequest {

        FieldTooLong(String field, long maxLength, String unit) {
            super(IngestProblem.FIELD_TOO_LONG, "The field '" + field + "' is longer than " + maxLength + " " + unit,
                    Map.of("field", field, "maxLength", maxLength));
        }

    }

    static final class FieldInvalid extends RejectedRequest {

        FieldInvalid(String field) {
            super(IngestProblem.FIELD_INVALID, "The field '" + field + "' contains control characters",
                    Map.of("field", field));
        }

        FieldInvalid(String field, String detail) {
            super(IngestProblem.FIELD_INVALID, detail, Map.of("field", field));
        }

    }

    static final class MalformedMetadata extends RejectedRequest {

        MalformedMetadata(String reason) {
            super(IngestProblem.MALFORMED_METADATA, "The field 'metadata' must be a JSON object: " + reason,
                    Map.of("field", "metadata"));
        }

    }

    static final class InvalidIdempotencyKey extends RejectedRequest {

        InvalidIdempotencyKey() {
            super(IngestProblem.INVALID_IDEMPOTENCY_KEY, "The Idempotency-Key header must be 1 to "
                    + UploadRequest.MAX_IDEMPOTENCY_KEY_LENGTH + " printable ASCII characters");
        }

    }

    static final class IdempotencyKeyReused extends RejectedRequest {

        IdempotencyKeyReused(String documentId) {
            super(IngestProblem.IDEMPOTENCY_KEY_REUSED,
                    "The Idempotency-Key was used for a different upload "
                            + "(another file, title or version); use a new key for a new upload",
                    Map.of("documentId", documentId));
        }

    }

    static final class StorageUnavailable extends RejectedRequest {

        StorageUnavailable(Throwable cause) {
            super(IngestProblem.STORAGE_UNAVAILABLE, "The file could not be stored; please retry later", Map.of(),
                    cause);
        }

    }

    /**
     * Taking the upload would bring the storage's free space below
     * {@code edm.upload.min-free-space}.
     */
    static final class InsufficientStorage extends RejectedRequest {

        InsufficientStorage() {
            super(IngestProblem.INSUFFICIENT_STORAGE,
                    "The server is low on disk space and takes no uploads until space is freed; please retry later");
        }

    }

}
