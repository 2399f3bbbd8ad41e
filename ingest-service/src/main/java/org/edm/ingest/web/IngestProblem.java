package org.edm.ingest.web;

import org.edm.security.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * Every problem the service answers with: a stable {@code type} URI ({@code https://edm.example/problems/<slug>}),
 * its HTTP status and title. Clients branch on the type, never on the detail text. Listed in the README; access
 * control's own types (401, 403, 429) are the security module's.
 */
public enum IngestProblem implements ProblemType {

    FILE_MISSING("file-missing", HttpStatus.BAD_REQUEST, "The upload has no file part"),
    FILE_EMPTY("file-empty", HttpStatus.BAD_REQUEST, "The uploaded file is empty"),
    NOT_A_PDF("not-a-pdf", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The uploaded file is not a PDF"),
    DOCUMENT_TOO_LARGE("document-too-large", HttpStatus.CONTENT_TOO_LARGE, "The upload exceeds the size limit"),
    FIELD_MISSING("field-missing", HttpStatus.BAD_REQUEST, "A required field is missing or blank"),
    FIELD_TOO_LONG("field-too-long", HttpStatus.BAD_REQUEST, "A field is longer than allowed"),
    FIELD_INVALID("field-invalid", HttpStatus.BAD_REQUEST, "A field contains characters that are not allowed"),
    MALFORMED_METADATA("malformed-metadata", HttpStatus.BAD_REQUEST, "The metadata is not a JSON object"),
    INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key", HttpStatus.BAD_REQUEST, "The Idempotency-Key header is invalid"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT,
            "The Idempotency-Key was already used for a different upload"),
    DOCUMENT_NOT_FOUND("document-not-found", HttpStatus.NOT_FOUND, "No such document"),
    DOCUMENT_FILE_MISSING("document-file-missing", HttpStatus.NOT_FOUND, "The document's file is missing"),
    DOCUMENT_BUSY("document-busy", HttpStatus.CONFLICT, "The document is being processed"),
    INVALID_DOCUMENT_ID("invalid-document-id", HttpStatus.BAD_REQUEST, "The document id is not a UUID"),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "The request could not be read"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "The request's content type is not supported here"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "No acceptable representation"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "No such resource"),
    INSUFFICIENT_STORAGE("insufficient-storage", HttpStatus.INSUFFICIENT_STORAGE,
            "Not enough free disk space to take the upload"),
    STORAGE_UNAVAILABLE("storage-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "The file storage is unavailable"),
    DATABASE_UNAVAILABLE("database-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final String slug;
    private final HttpStatus status;
    private final String title;

    IngestProblem(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
