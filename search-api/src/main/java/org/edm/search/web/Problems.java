package org.edm.search.web;

import java.net.URI;

/** The problem types of this API; a type URI never changes once published (the README lists them). */
public final class Problems {

    private static final String BASE = "https://edm.example/problems/";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }
}
