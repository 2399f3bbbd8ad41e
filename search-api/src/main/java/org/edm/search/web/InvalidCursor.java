package org.edm.search.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** The {@code cursor} was not issued by this API for the same request and filters, or has been altered. */
public class InvalidCursor extends RequestRejected {

    public InvalidCursor() {
        super(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
                "The cursor is not valid for this request; repeat it without a cursor to start again.",
                Map.of("parameter", "cursor"));
    }
}
