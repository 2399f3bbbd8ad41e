package org.edm.search.query.syntax;

import java.util.Map;

import org.edm.search.web.SearchProblem;
import org.edm.security.RejectedRequest;

/**
 * The search query is longer than the configured maximum
 * ({@code edm.search.max-query-length}).
 */
public class QueryTooLong extends RejectedRequest {

    private static final long serialVersionUID = 1L;

    public QueryTooLong(int maxLength) {
        super(SearchProblem.QUERY_TOO_LONG, "The search query may have at most " + maxLength + " characters.",
                Map.of("parameter", "q", "maxLength", maxLength));
    }

}
