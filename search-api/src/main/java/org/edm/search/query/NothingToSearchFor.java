package org.edm.search.query;

import java.util.Map;

import org.edm.search.web.RequestRejected;
import org.springframework.http.HttpStatus;

/** The search query only excludes ({@code -word}): there is nothing it must match. */
class NothingToSearchFor extends RequestRejected {

    NothingToSearchFor() {
        super(HttpStatus.BAD_REQUEST, "nothing-to-search-for", "Nothing to search for",
                "The search query only has exclusions; add at least one word or phrase to look for.", Map.of("parameter", "q"));
    }
}
