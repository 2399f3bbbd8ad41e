package org.edm.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published on {@value Topics#DOCUMENTS_COMPARED} when a version of a family
 * ({@code done}) was compared with its predecessor, the family's previous {@code done}
 * version. Schema: {@code schemas/documents.compared.v1.json}.
 *
 * @param eventId unique per event
 * @param type always {@value #TYPE}
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param occurredAt when the comparison was stored (UTC)
 * @param documentId the newer version, also the record key ({@code toDocumentId})
 * @param family the family key: the title lower-cased, whitespace collapsed
 * @param fromDocumentId the older version
 * @param fromVersion its version label
 * @param toDocumentId the newer version
 * @param toVersion its version label
 * @param counts sections per change kind
 * @param changedSections the sections that differ (every kind but unchanged), in the
 * newer version's reading order, at most {@value #MAX_LISTED_SECTIONS}
 * @param changedSectionsTruncated whether more sections differ than
 * {@code changedSections} lists
 */
public record DocumentsCompared(UUID eventId, String type, int schemaVersion, Instant occurredAt, UUID documentId,
        String family, UUID fromDocumentId, String fromVersion, UUID toDocumentId, String toVersion, Counts counts,
        List<ChangedSection> changedSections, boolean changedSectionsTruncated) {

    public static final String TYPE = "DocumentsCompared";

    public static final int SCHEMA_VERSION = 1;

    public static final int MAX_LISTED_SECTIONS = 100;

    public DocumentsCompared {
        changedSections = List.copyOf(changedSections);
    }

    public static DocumentsCompared of(Instant occurredAt, String family, UUID fromDocumentId, String fromVersion,
            UUID toDocumentId, String toVersion, Counts counts, List<ChangedSection> changedSections) {
        boolean truncated = changedSections.size() > MAX_LISTED_SECTIONS;
        return new DocumentsCompared(UUID.randomUUID(), TYPE, SCHEMA_VERSION, occurredAt, toDocumentId, family,
                fromDocumentId, fromVersion, toDocumentId, toVersion, counts,
                truncated ? changedSections.subList(0, MAX_LISTED_SECTIONS) : changedSections, truncated);
    }

    /** Sections per change kind. */
    public record Counts(int unchanged, int changed, int added, int removed, int moved, int renamed) {
    }

    /**
     * One section that differs.
     *
     * @param kind {@code changed}, {@code added}, {@code removed}, {@code moved} or
     * {@code renamed}
     * @param key the section's stable key in the family
     * @param title its title in the newer version, or in the older one when removed
     */
    public record ChangedSection(String kind, String key, String title) {
    }
}
