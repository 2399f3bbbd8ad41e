package org.edm.ingest.document;

import java.util.Map;
import java.util.UUID;

import org.edm.ingest.web.IngestProblem;
import org.edm.security.RejectedRequest;

/** The document exists but its stored PDF does not (removed outside the service). */
final class DocumentFileMissing extends RejectedRequest {

    DocumentFileMissing(UUID id) {
        super(IngestProblem.DOCUMENT_FILE_MISSING, "The file of document " + id + " is missing from the storage",
                Map.of("documentId", id.toString()));
    }

}
