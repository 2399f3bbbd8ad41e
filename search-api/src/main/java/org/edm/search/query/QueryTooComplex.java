package org.edm.search.query;

import java.util.Map;

import org.edm.search.web.RequestRejected;
import org.springframework.http.HttpStatus;

/** The search query has more words, phrases and exclusions than the configured maximum. */
class QueryTooComplex extends RequestRejected {

    QueryTooComplex(int maxItems) {
        super(HttpStatus.BAD_REQUEST, "query-too-complex", "Search query too complex",
                "The search query may have at most " + maxItems + " words, phrases and exclusions.", Map.of("parameter", "q", "maxItems", maxItems));
    }
}
