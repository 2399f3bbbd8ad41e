package org.edm.search.documents;

import java.util.UUID;

import org.edm.search.web.NotFound;
import org.edm.search.web.SearchProblem;

/** No document has the requested id (never uploaded, or deleted). */
class DocumentNotFound extends NotFound {

    private static final long serialVersionUID = 1L;

    DocumentNotFound(UUID id) {
        super(SearchProblem.DOCUMENT_NOT_FOUND, "Document", id);
    }

}
