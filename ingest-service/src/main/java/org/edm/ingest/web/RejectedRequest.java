package org.edm.ingest.web;

import java.util.Map;

/**
 * Base of the exceptions, named for what happened, that end a request with a problem detail of their
 * {@link ProblemType}; {@code properties} become extension members (e.g. {@code field}).
 */
public abstract class RejectedRequest extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> properties;

    protected RejectedRequest(ProblemType type, String detail) {
        this(type, detail, Map.of(), null);
    }

    protected RejectedRequest(ProblemType type, String detail, Map<String, Object> properties) {
        this(type, detail, properties, null);
    }

    protected RejectedRequest(ProblemType type, String detail, Map<String, Object> properties, Throwable cause) {
        super(detail, cause);
        this.type = type;
        this.properties = Map.copyOf(properties);
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
