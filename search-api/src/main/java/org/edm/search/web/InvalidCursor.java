package org.edm.search.web;

import java.util.Map;

import org.edm.security.RejectedRequest;

/**
 * The {@code cursor} was not issued by this API for the same request and filters, or has
 * been altered.
 */
public class InvalidCursor extends RejectedRequest {

    private static final long serialVersionUID = 1L;

    public InvalidCursor() {
        super(SearchProblem.INVALID_CURSOR,
                "The cursor is not valid for this request; repeat it without a cursor to start again.",
                Map.of("parameter", "cursor"));
    }

}
