package org.edm.search.web;

import java.util.Map;

import org.edm.security.RejectedRequest;

/**
 * A query or path parameter has a value the endpoint cannot use (not a UUID, a limit out
 * of range...).
 */
public class InvalidParameter extends RejectedRequest {

    private static final long serialVersionUID = 1L;

    public InvalidParameter(String parameter, String detail) {
        super(SearchProblem.INVALID_PARAMETER, detail, Map.of("parameter", parameter));
    }

}
