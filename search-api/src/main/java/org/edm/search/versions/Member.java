package org.edm.search.versions;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

import org.edm.events.ProcessingStatus;
import org.edm.versions.VersionOrder;

/** One document of a family. */
record Member(UUID id, String title, String version, String status, Instant uploadDate) {

    /**
     * Natural version order, upload time breaking ties, then the id; the same order as
     * parser-worker's.
     */
    static final Comparator<Member> ORDER = Comparator.comparing(Member::version, VersionOrder.INSTANCE)
        .thenComparing(Member::uploadDate)
        .thenComparing(Member::id);

    boolean done() {
        return ProcessingStatus.DONE.value().equals(status);
    }
}
