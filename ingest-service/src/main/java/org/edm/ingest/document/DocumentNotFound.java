package org.edm.ingest.document;

import java.util.Map;
import java.util.UUID;

import org.edm.ingest.web.IngestProblem;
import org.edm.security.RejectedRequest;

/** No document has the requested id (never had, or was deleted). */
final class DocumentNotFound extends RejectedRequest {

    DocumentNotFound(UUID id) {
        super(IngestProblem.DOCUMENT_NOT_FOUND, "No document with id " + id, Map.of("documentId", id.toString()));
    }

}
