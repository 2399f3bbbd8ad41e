package org.edm.security;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * One kind of error an HTTP service answers with, as an RFC 9457 problem detail: a stable {@code type} URI
 * ({@code https://edm.example/problems/<slug>}), its HTTP status and title. Clients branch on the type, never on
 * the detail text; a type never changes once published. Each service lists its types in one enum implementing this
 * interface ({@code IngestProblem}, {@code SearchProblem}, and {@link AccessProblem} for access control), which its
 * README documents; a refusal is thrown as a {@link RejectedRequest} of one of them.
 */
public interface ProblemType {

    /** What every problem type URI starts with. */
    String BASE = "https://edm.example/problems/";

    /** The last part of the type URI, e.g. {@code not-a-pdf}. */
    String slug();

    HttpStatus status();

    /** A short summary of the kind of problem, the same for every occurrence. */
    String title();

    default URI uri() {
        return URI.create(BASE + slug());
    }

    /** A problem detail of this type with the given detail text. */
    default ProblemDetail problemDetail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(), detail);
        problem.setType(uri());
        problem.setTitle(title());
        return problem;
    }
}
