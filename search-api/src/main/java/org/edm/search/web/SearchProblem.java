package org.edm.search.web;

import org.edm.security.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * Every problem this API answers with: a stable {@code type} URI
 * ({@code https://edm.example/problems/<slug>}), its HTTP status and title. Clients
 * branch on the type, never on the detail text. Listed in the README; access control's
 * own types (401, 403, 429) are the security module's, and Spring MVC's own errors
 * (unknown path, wrong method) get a type named for their status ({@code not-found},
 * {@code method-not-allowed}).
 */
public final class SearchProblem {

    public static final ProblemType EMPTY_QUERY = new ProblemType("empty-query", HttpStatus.BAD_REQUEST,
            "Empty search query");

    public static final ProblemType NOTHING_TO_SEARCH_FOR = new ProblemType("nothing-to-search-for",
            HttpStatus.BAD_REQUEST, "Nothing to search for");

    public static final ProblemType QUERY_TOO_LONG = new ProblemType("query-too-long", HttpStatus.BAD_REQUEST,
            "Search query too long");

    public static final ProblemType QUERY_TOO_COMPLEX = new ProblemType("query-too-complex", HttpStatus.BAD_REQUEST,
            "Search query too complex");

    public static final ProblemType INVALID_PARAMETER = new ProblemType("invalid-parameter", HttpStatus.BAD_REQUEST,
            "Invalid parameter");

    public static final ProblemType INVALID_CURSOR = new ProblemType("invalid-cursor", HttpStatus.BAD_REQUEST,
            "Invalid cursor");

    public static final ProblemType UNKNOWN_PARAMETER = new ProblemType("unknown-parameter", HttpStatus.BAD_REQUEST,
            "Unknown query parameter");

    public static final ProblemType DOCUMENT_NOT_FOUND = new ProblemType("document-not-found", HttpStatus.NOT_FOUND,
            "Document not found");

    public static final ProblemType SECTION_NOT_FOUND = new ProblemType("section-not-found", HttpStatus.NOT_FOUND,
            "Section not found");

    public static final ProblemType FAMILY_NOT_FOUND = new ProblemType("family-not-found", HttpStatus.NOT_FOUND,
            "Family not found");

    public static final ProblemType SECTION_KEY_NOT_FOUND = new ProblemType("section-key-not-found",
            HttpStatus.NOT_FOUND, "Section key not found");

    public static final ProblemType NO_PREDECESSOR = new ProblemType("no-predecessor", HttpStatus.NOT_FOUND,
            "No predecessor");

    public static final ProblemType NOT_COMPARABLE = new ProblemType("not-comparable", HttpStatus.CONFLICT,
            "Versions not comparable");

    public static final ProblemType TIMEOUT = new ProblemType("timeout", HttpStatus.SERVICE_UNAVAILABLE,
            "Request timed out");

    public static final ProblemType DATABASE_UNAVAILABLE = new ProblemType("database-unavailable",
            HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable");

    public static final ProblemType INTERNAL_ERROR = new ProblemType("internal-error", HttpStatus.INTERNAL_SERVER_ERROR,
            "Internal error");

    private SearchProblem() {
    }

}
