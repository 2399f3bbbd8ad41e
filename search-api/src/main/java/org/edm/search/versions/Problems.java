package org.edm.search.versions;

import java.util.Map;
import java.util.UUID;

import org.edm.search.web.SearchProblem;
import org.edm.security.RejectedRequest;

/** What the versions endpoints refuse, one problem type each. */
final class Problems {

    private Problems() {
    }

    /** No document has this family key. */
    static final class FamilyNotFound extends RejectedRequest {

        private static final long serialVersionUID = 1L;

        FamilyNotFound(String family) {
            super(SearchProblem.FAMILY_NOT_FOUND,
                    "No document has the title '" + family + "' (compared case- and whitespace-insensitively).",
                    Map.of("family", family));
        }

    }

    /**
     * The family has no version with this label, or no section with this key in that
     * version.
     */
    static final class PermalinkNotFound extends RejectedRequest {

        private static final long serialVersionUID = 1L;

        PermalinkNotFound(String detail) {
            super(SearchProblem.SECTION_KEY_NOT_FOUND, detail);
        }

    }

    /** A document to compare does not exist. */
    static final class VersionNotFound extends RejectedRequest {

        private static final long serialVersionUID = 1L;

        VersionNotFound(UUID id) {
            super(SearchProblem.DOCUMENT_NOT_FOUND, "There is no document with id " + id + ".");
        }

    }

    /**
     * Two documents that cannot be compared: another family, or not both {@code done}.
     */
    static final class NotComparable extends RejectedRequest {

        private static final long serialVersionUID = 1L;

        NotComparable(String detail) {
            super(SearchProblem.NOT_COMPARABLE, detail);
        }

    }

    /**
     * The document is the first {@code done} version of its family: nothing to compare it
     * with.
     */
    static final class NoPredecessor extends RejectedRequest {

        private static final long serialVersionUID = 1L;

        NoPredecessor(UUID id) {
            super(SearchProblem.NO_PREDECESSOR, "Document " + id + " has no earlier done version in its family.");
        }

    }

}
