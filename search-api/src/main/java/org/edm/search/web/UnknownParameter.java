package org.edm.search.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** The request names a query parameter the endpoint does not have: most often a misspelt filter. */
class UnknownParameter extends RequestRejected {

    UnknownParameter(List<String> unknown, List<String> allowed) {
        super(HttpStatus.BAD_REQUEST, "unknown-parameter", "Unknown query parameter",
                "Unknown query parameter(s) " + unknown + "; this endpoint accepts " + allowed + ".",
                Map.of("unknownParameters", unknown, "allowedParameters", allowed));
    }
}
