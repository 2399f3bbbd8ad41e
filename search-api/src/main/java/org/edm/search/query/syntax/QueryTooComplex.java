package org.edm.search.query.syntax;

import java.util.Map;

import org.edm.search.web.SearchProblem;
import org.edm.security.RejectedRequest;

/**
 * The search query has more words, phrases and exclusions than the configured maximum.
 */
public class QueryTooComplex extends RejectedRequest {

    private static final long serialVersionUID = 1L;

    public QueryTooComplex(int maxItems) {
        super(SearchProblem.QUERY_TOO_COMPLEX,
                "The search query may have at most " + maxItems + " words, phrases and exclusions.",
                Map.of("parameter", "q", "maxItems", maxItems));
    }

}
