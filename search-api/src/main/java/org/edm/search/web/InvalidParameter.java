package org.edm.search.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A query or path parameter has a value the endpoint cannot use (not a UUID, a limit out of range...). */
public class InvalidParameter extends RequestRejected {

    public InvalidParameter(String parameter, String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail, Map.of("parameter", parameter));
    }
}
