package org.edm.ingest.web;

import org.edm.security.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * Every problem the service answers with: a stable {@code type} URI
 * ({@code https://edm.example/problems/<slug>}), its HTTP status and title. Clients
 * branch on the type, never on the detail text. Listed in the README; access control's
 * own types (401, 403, 429) are the security module's.
 */
public final class IngestProblem {

    public static final ProblemType FILE_MISSING = new ProblemType("file-missing", HttpStatus.BAD_REQUEST,
            "The upload has no file part");

    public static final ProblemType FILE_EMPTY = new ProblemType("file-empty", HttpStatus.BAD_REQUEST,
            "The uploaded file is empty");

    public static final ProblemType NOT_A_PDF = new ProblemType("not-a-pdf", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "The uploaded file is not a PDF");

    public static final ProblemType DOCUMENT_TOO_LARGE = new ProblemType("document-too-large",
            HttpStatus.CONTENT_TOO_LARGE, "The upload exceeds the size limit");

    public static final ProblemType FIELD_MISSING = new ProblemType("field-missing", HttpStatus.BAD_REQUEST,
            "A required field is missing or blank");

    public static final ProblemType FIELD_TOO_LONG = new ProblemType("field-too-long", HttpStatus.BAD_REQUEST,
            "A field is longer than allowed");

    public static final ProblemType FIELD_INVALID = new ProblemType("field-invalid", HttpStatus.BAD_REQUEST,
            "A field contains characters that are not allowed");

    public static final ProblemType MALFORMED_METADATA = new ProblemType("malformed-metadata", HttpStatus.BAD_REQUEST,
            "The metadata is not a JSON object");

    public static final ProblemType INVALID_IDEMPOTENCY_KEY = new ProblemType("invalid-idempotency-key",
            HttpStatus.BAD_REQUEST, "The Idempotency-Key header is invalid");

    public static final ProblemType IDEMPOTENCY_KEY_REUSED = new ProblemType("idempotency-key-reused",
            HttpStatus.UNPROCESSABLE_CONTENT, "The Idempotency-Key was already used for a different upload");

    public static final ProblemType DOCUMENT_NOT_FOUND = new ProblemType("document-not-found", HttpStatus.NOT_FOUND,
            "No such document");

    public static final ProblemType DOCUMENT_FILE_MISSING = new ProblemType("document-file-missing",
            HttpStatus.NOT_FOUND, "The document's file is missing");

    public static final ProblemType DOCUMENT_BUSY = new ProblemType("document-busy", HttpStatus.CONFLICT,
            "The document is being processed");

    public static final ProblemType INVALID_DOCUMENT_ID = new ProblemType("invalid-document-id", HttpStatus.BAD_REQUEST,
            "The document id is not a UUID");

    public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", HttpStatus.BAD_REQUEST,
            "The request could not be read");

    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The request's content type is not supported here");

    public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", HttpStatus.NOT_ACCEPTABLE,
            "No acceptable representation");

    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed",
            HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed");

    public static final ProblemType NOT_FOUND = new ProblemType("not-found", HttpStatus.NOT_FOUND, "No such resource");

    public static final ProblemType INSUFFICIENT_STORAGE = new ProblemType("insufficient-storage",
            HttpStatus.INSUFFICIENT_STORAGE, "Not enough free disk space to take the upload");

    public static final ProblemType STORAGE_UNAVAILABLE = new ProblemType("storage-unavailable",
            HttpStatus.SERVICE_UNAVAILABLE, "The file storage is unavailable");

    public static final ProblemType DATABASE_UNAVAILABLE = new ProblemType("database-unavailable",
            HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable");

    public static final ProblemType INTERNAL_ERROR = new ProblemType("internal-error", HttpStatus.INTERNAL_SERVER_ERROR,
            "Internal error");

    private IngestProblem() {
    }

}
