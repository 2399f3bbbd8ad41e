package org.edm.search.documents;

import java.util.UUID;

import org.edm.search.web.NotFound;
import org.edm.search.web.SearchProblem;

/**
 * No section has the requested id (it may belong to a document that was deleted or parsed
 * again).
 */
class SectionNotFound extends NotFound {

    private static final long serialVersionUID = 1L;

    SectionNotFound(UUID id) {
        super(SearchProblem.SECTION_NOT_FOUND, "Section", id);
    }

}
