package org.edm.search.web;

import org.edm.security.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * Every problem this API answers with: a stable {@code type} URI ({@code https://edm.example/problems/<slug>}), its
 * HTTP status and title. Clients branch on the type, never on the detail text. Listed in the README; access
 * control's own types (401, 403, 429) are the security module's, and Spring MVC's own errors (unknown path, wrong
 * method) get a type named for their status ({@code not-found}, {@code method-not-allowed}).
 */
public enum SearchProblem implements ProblemType {

    EMPTY_QUERY("empty-query", HttpStatus.BAD_REQUEST, "Empty search query"),
    NOTHING_TO_SEARCH_FOR("nothing-to-search-for", HttpStatus.BAD_REQUEST, "Nothing to search for"),
    QUERY_TOO_LONG("query-too-long", HttpStatus.BAD_REQUEST, "Search query too long"),
    QUERY_TOO_COMPLEX("query-too-complex", HttpStatus.BAD_REQUEST, "Search query too complex"),
    INVALID_PARAMETER("invalid-parameter", HttpStatus.BAD_REQUEST, "Invalid parameter"),
    INVALID_CURSOR("invalid-cursor", HttpStatus.BAD_REQUEST, "Invalid cursor"),
    UNKNOWN_PARAMETER("unknown-parameter", HttpStatus.BAD_REQUEST, "Unknown query parameter"),
    DOCUMENT_NOT_FOUND("document-not-found", HttpStatus.NOT_FOUND, "Document not found"),
    SECTION_NOT_FOUND("section-not-found", HttpStatus.NOT_FOUND, "Section not found"),
    FAMILY_NOT_FOUND("family-not-found", HttpStatus.NOT_FOUND, "Family not found"),
    SECTION_KEY_NOT_FOUND("section-key-not-found", HttpStatus.NOT_FOUND, "Section key not found"),
    NO_PREDECESSOR("no-predecessor", HttpStatus.NOT_FOUND, "No predecessor"),
    NOT_COMPARABLE("not-comparable", HttpStatus.CONFLICT, "Versions not comparable"),
    TIMEOUT("timeout", HttpStatus.SERVICE_UNAVAILABLE, "Request timed out"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final String slug;
    private final HttpStatus status;
    private final String title;

    SearchProblem(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
