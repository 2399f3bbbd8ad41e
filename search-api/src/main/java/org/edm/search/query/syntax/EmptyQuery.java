package org.edm.search.query.syntax;

import java.util.Map;

import org.edm.search.web.SearchProblem;
import org.edm.security.RejectedRequest;

/** The query parameter {@code q} is missing, empty or only white space. */
public class EmptyQuery extends RejectedRequest {

    private static final long serialVersionUID = 1L;

    public EmptyQuery() {
        super(SearchProblem.EMPTY_QUERY, "Parameter q must contain something to search for.", Map.of("parameter", "q"));
    }

}
