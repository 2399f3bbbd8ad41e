package org.edm.search.web;

import java.util.Locale;
import java.util.UUID;

import org.edm.security.ProblemType;
import org.edm.security.RejectedRequest;

/**
 * Base of "no such thing" answers, one subclass (and problem type) per kind of resource.
 */
public abstract class NotFound extends RejectedRequest {

    private static final long serialVersionUID = 1L;

    protected NotFound(ProblemType type, String what, UUID id) {
        super(type, "There is no " + what.toLowerCase(Locale.ROOT) + " with id " + id + ".");
    }

}
