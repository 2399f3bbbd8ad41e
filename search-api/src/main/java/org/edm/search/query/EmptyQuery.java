package org.edm.search.query;

import java.util.Map;

import org.edm.search.web.RequestRejected;
import org.springframework.http.HttpStatus;

/** The query parameter {@code q} is missing, empty or only white space. */
class EmptyQuery extends RequestRejected {

    EmptyQuery() {
        super(HttpStatus.BAD_REQUEST, "empty-query", "Empty search query",
                "Parameter q must contain something to search for.", Map.of("parameter", "q"));
    }
}
