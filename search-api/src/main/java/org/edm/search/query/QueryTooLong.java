package org.edm.search.query;

import java.util.Map;

import org.edm.search.web.RequestRejected;
import org.springframework.http.HttpStatus;

/** The search query is longer than the configured maximum ({@code edm.search.max-query-length}). */
class QueryTooLong extends RequestRejected {

    QueryTooLong(int maxLength) {
        super(HttpStatus.BAD_REQUEST, "query-too-long", "Search query too long",
                "The search query may have at most " + maxLength + " characters.", Map.of("parameter", "q", "maxLength", maxLength));
    }
}
