package org.edm.search.query.syntax;

import java.util.Map;

import org.edm.search.web.SearchProblem;
import org.edm.security.RejectedRequest;

/** The search query only excludes ({@code -word}): there is nothing it must match. */
public class NothingToSearchFor extends RejectedRequest {

    private static final long serialVersionUID = 1L;

    public NothingToSearchFor() {
        super(SearchProblem.NOTHING_TO_SEARCH_FOR,
                "The search query only has exclusions; add at least one word or phrase to look for.",
                Map.of("parameter", "q"));
    }

}
