package org.edm.ingest.document;

import java.util.Map;
import java.util.UUID;

import org.edm.events.ProcessingStatus;
import org.edm.ingest.web.IngestProblem;
import org.edm.security.RejectedRequest;

/**
 * Reprocessing was asked for while the parser is processing the document; a new event now
 * would race with the running parse. Retry when the status is {@code done} or
 * {@code failed} (the parser also recovers a processing claim whose worker died).
 */
final class DocumentBusy extends RejectedRequest {

    DocumentBusy(UUID id) {
        super(IngestProblem.DOCUMENT_BUSY, "Document " + id + " is being processed; retry when it is done or failed",
                Map.of("documentId", id.toString(), "processingStatus", ProcessingStatus.PROCESSING.value()));
    }

}
