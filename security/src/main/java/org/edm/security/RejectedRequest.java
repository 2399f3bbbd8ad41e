package org.edm.security;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

/**
 * Base of the exceptions, each named for what happened ({@code NotAPdf},
 * {@code InvalidCursor}), that end a request with a problem detail of their
 * {@link ProblemType}; {@code properties} become extension members (e.g. {@code field},
 * {@code parameter}). Each service's advice renders them with {@link #problemDetail()}.
 */
public abstract class RejectedRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ProblemType type;

    private final transient Map<String, Object> properties;

    protected RejectedRequest(ProblemType type, String detail) {
        this(type, detail, Map.of(), null);
    }

    protected RejectedRequest(ProblemType type, String detail, Map<String, Object> properties) {
        this(type, detail, properties, null);
    }

    protected RejectedRequest(ProblemType type, String detail, Map<String, Object> properties,
            @Nullable Throwable cause) {
        super(detail, cause);
        this.type = type;
        this.properties = Map.copyOf(properties);
    }

    public ProblemType type() {
        return type;
    }

    /**
     * Extension members of the problem detail, such as the offending field's or
     * parameter's name.
     */
    public Map<String, Object> properties() {
        return properties;
    }

    /**
     * The problem detail this refusal answers: its type, the message as detail, and the
     * properties.
     */
    public ProblemDetail problemDetail() {
        ProblemDetail problem = type.problemDetail(getMessage());
        properties.forEach(problem::setProperty);
        return problem;
    }

}
