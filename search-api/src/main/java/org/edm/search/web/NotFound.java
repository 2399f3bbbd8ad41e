package org.edm.search.web;

import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;

/** Base of "no such thing" answers, one subclass (and problem type) per kind of resource. */
public abstract class NotFound extends RequestRejected {

    protected NotFound(String slug, String what, UUID id) {
        super(HttpStatus.NOT_FOUND, slug, what + " not found",
                "There is no " + what.toLowerCase(Locale.ROOT) + " with id " + id + ".");
    }
}
