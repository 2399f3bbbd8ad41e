package org.edm.search.documents;

import java.util.UUID;

import org.edm.search.web.NotFound;

/** No document has the requested id (never uploaded, or deleted). */
class DocumentNotFound extends NotFound {

    DocumentNotFound(UUID id) {
        super("document-not-found", "Document", id);
    }
}
