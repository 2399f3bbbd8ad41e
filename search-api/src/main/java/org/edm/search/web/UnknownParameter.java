package org.edm.search.web;

import java.util.List;
import java.util.Map;

import org.edm.security.RejectedRequest;

/**
 * The request names a query parameter the endpoint does not have: most often a misspelt
 * filter.
 */
class UnknownParameter extends RejectedRequest {

    private static final long serialVersionUID = 1L;

    UnknownParameter(List<String> unknown, List<String> allowed) {
        super(SearchProblem.UNKNOWN_PARAMETER,
                "Unknown query parameter(s) " + unknown + "; this endpoint accepts " + allowed + ".",
                Map.of("unknownParameters", unknown, "allowedParameters", allowed));
    }

}
