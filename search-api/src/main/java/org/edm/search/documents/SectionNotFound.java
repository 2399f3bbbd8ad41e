package org.edm.search.documents;

import java.util.UUID;

import org.edm.search.web.NotFound;

/** No section has the requested id (it may belong to a document that was deleted or parsed again). */
class SectionNotFound extends NotFound {

    SectionNotFound(UUID id) {
        super("section-not-found", "Section", id);
    }
}
