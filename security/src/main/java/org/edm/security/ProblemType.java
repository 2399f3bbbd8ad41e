package org.edm.security;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * One kind of error an HTTP service answers with, as an RFC 9457 problem detail: a stable
 * {@code type} URI ({@code https://edm.example/problems/<slug>}), its HTTP status and
 * title. Clients branch on the type, never on the detail text; a type never changes once
 * published. Each service lists its types as the constants of one class
 * ({@code IngestProblem}, {@code SearchProblem}, and {@link AccessProblem} for access
 * control), which its README documents; a refusal is thrown as a {@link RejectedRequest}
 * of one of them.
 *
 * @param slug the last part of the type URI, e.g. {@code not-a-pdf}
 * @param status the HTTP status of every answer of this type
 * @param title a short summary of the kind of problem, the same for every occurrence
 */
public record ProblemType(String slug, HttpStatus status, String title) {

    /** What every problem type URI starts with. */
    public static final String BASE = "https://edm.example/problems/";

    public URI uri() {
        return URI.create(BASE + slug);
    }

    /** A problem detail of this type with the given detail text. */
    public ProblemDetail problemDetail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri());
        problem.setTitle(title);
        return problem;
    }
}
