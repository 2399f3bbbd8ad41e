package org.edm.web.api;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An API answered with an RFC 9457 problem: its status, the last segment of its
 * {@code type} ({@code not-a-pdf}), its detail and extension members ({@code documentId},
 * {@code maxSizeBytes}, ...).
 */
public final class ApiProblem extends RuntimeException {

    private final int status;

    private final String type;

    private final Map<String, Object> properties;

    public ApiProblem(int status, String type, @Nullable String detail, Map<String, Object> properties) {
        super(detail == null ? type : detail);
        this.status = status;
        this.type = type;
        this.properties = Map.copyOf(properties);
    }

    public int status() {
        return status;
    }

    /** The problem's slug, e.g. {@code not-a-pdf}. */
    public String type() {
        return type;
    }

    public @Nullable Object property(String name) {
        return properties.get(name);
    }

    /** The problem in words for a person (see {@link ProblemMessages}). */
    public String inWords() {
        return ProblemMessages.inWords(this);
    }

}
