package org.edm.parser.compare;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

import org.edm.versions.VersionOrder;

/** One {@code done} version of a family. */
record FamilyMember(UUID id, String version, Instant uploadedAt) {

    /**
     * Natural version order, upload time breaking ties, then the id (so the order is
     * total).
     */
    static final Comparator<FamilyMember> ORDER = Comparator.comparing(FamilyMember::version, VersionOrder.INSTANCE)
        .thenComparing(FamilyMember::uploadedAt)
        .thenComparing(FamilyMember::id);

}
