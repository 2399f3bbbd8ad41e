package org.edm.search.versions;

import java.util.Map;
import java.util.UUID;

import org.edm.search.web.RequestRejected;
import org.springframework.http.HttpStatus;

/** What the versions endpoints refuse, one problem type each. */
final class Problems {

    private Problems() {
    }

    /** No document has this family key. */
    static final class FamilyNotFound extends RequestRejected {
        FamilyNotFound(String family) {
            super(HttpStatus.NOT_FOUND, "family-not-found", "Family not found",
                    "No document has the title '" + family + "' (compared case- and whitespace-insensitively).",
                    Map.of("family", family));
        }
    }

    /** The family has no version with this label, or no section with this key in that version. */
    static final class PermalinkNotFound extends RequestRejected {
        PermalinkNotFound(String detail) {
            super(HttpStatus.NOT_FOUND, "section-key-not-found", "Section key not found", detail);
        }
    }

    /** A document to compare does not exist. */
    static final class VersionNotFound extends RequestRejected {
        VersionNotFound(UUID id) {
            super(HttpStatus.NOT_FOUND, "document-not-found", "Document not found",
                    "There is no document with id " + id + ".");
        }
    }

    /** Two documents that cannot be compared: another family, or not both {@code done}. */
    static final class NotComparable extends RequestRejected {
        NotComparable(String detail) {
            super(HttpStatus.CONFLICT, "not-comparable", "Versions not comparable", detail);
        }
    }

    /** The document is the first {@code done} version of its family: nothing to compare it with. */
    static final class NoPredecessor extends RequestRejected {
        NoPredecessor(UUID id) {
            super(HttpStatus.NOT_FOUND, "no-predecessor", "No predecessor",
                    "Document " + id + " has no earlier done version in its family.");
        }
    }
}
