package org.edm.security;

import java.util.List;

/**
 * The permissions a key or token can carry. {@link #ADMIN} implies all the others (and
 * alone opens the operational endpoints).
 */
public final class Scopes {

    /** List, read and search documents and sections. */
    public static final String DOCUMENTS_READ = "documents:read";

    /** Upload and reprocess documents. */
    public static final String DOCUMENTS_WRITE = "documents:write";

    /** Delete documents. */
    public static final String DOCUMENTS_DELETE = "documents:delete";

    /** Everything, and the operational endpoints (metrics, health details). */
    public static final String ADMIN = "admin";

    /** Every scope, in the order they are documented. */
    public static final List<String> ALL = List.of(DOCUMENTS_READ, DOCUMENTS_WRITE, DOCUMENTS_DELETE, ADMIN);

    private Scopes() {
    }

    /** Whether {@code scope} is one of {@link #ALL}. */
    public static boolean isKnown(String scope) {
        return ALL.contains(scope);
    }

}
