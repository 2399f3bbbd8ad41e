package org.edm.ingest.web;

/**
 * The service's URL paths, shared by the controllers, the problem advice and the metrics.
 */
public final class ApiPaths {

    public static final String DOCUMENTS = "/api/documents";

    public static final String DOCUMENT = DOCUMENTS + "/{id}";

    public static final String REPROCESS = DOCUMENT + "/reprocess";

    public static final String FILE = DOCUMENT + "/file";

    private ApiPaths() {
    }

}
