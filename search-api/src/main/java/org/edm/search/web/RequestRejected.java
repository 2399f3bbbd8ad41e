package org.edm.search.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, answered as an RFC 9457 problem detail by {@link ProblemDetailsAdvice}. Each
 * subclass is named for what happened and has its own stable {@code type}
 * ({@code https://edm.example/problems/<slug>}).
 */
public abstract class RequestRejected extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties;

    protected RequestRejected(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    protected RequestRejected(HttpStatus status, String slug, String title, String detail,
            Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return Problems.type(slug);
    }

    public String title() {
        return title;
    }

    /** Extra members of the problem detail, such as the offending parameter's name. */
    public Map<String, Object> properties() {
        return properties;
    }
}
