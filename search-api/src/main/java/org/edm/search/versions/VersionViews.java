package org.edm.search.versions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.edm.versions.Hunk;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of the versions endpoints. */
final class VersionViews {

    private VersionViews() {
    }

    /**
     * A page of families, by family key; {@code nextAfter} is the {@code after} value of
     * the next page.
     */
    record FamilyList(List<FamilySummary> families, @Nullable String nextAfter, int limit) {
    }

    /**
     * One family.
     *
     * @param family the family key (title lower-cased, whitespace collapsed); the path
     * segment of its URL
     * @param title the title as the newest version spells it
     * @param versions how many documents it has, in any status
     * @param newest its newest {@code done} version, {@code null} when none is done yet
     */
    record FamilySummary(String family, String title, int versions, @Nullable VersionRef newest) {
    }

    record VersionRef(UUID id, String version) {
    }

    /** A family's versions in natural version order, oldest first. */
    record FamilyDetail(String family, String title, List<FamilyVersion> versions) {
    }

    /**
     * One version of a family.
     *
     * @param changes counts per kind against {@code comparedWith}, the previous
     * {@code done} version, when that comparison is stored; {@code null} otherwise (first
     * version, not done, or not compared yet)
     */
    record FamilyVersion(UUID id, String version, String status, Instant uploadDate, boolean latest,
            @Nullable UUID comparedWith, @Nullable Counts changes) {
    }

    record Counts(int unchanged, int changed, int added, int removed, int moved, int renamed) {
    }

    /**
     * A comparison and one page of its section changes (every kind but
     * {@code unchanged}).
     *
     * @param stored whether it was read from storage ({@code computedAt} is then when it
     * was computed) or computed for this request
     */
    record ComparisonView(String family, VersionRef from, VersionRef to, Counts counts, boolean stored,
            @Nullable Instant computedAt, List<Change> changes, int total, int offset, int limit) {
    }

    record Change(String kind, String key, @Nullable UUID fromSectionId, @Nullable UUID toSectionId,
            @Nullable String fromTitle, @Nullable String toTitle, List<Hunk> hunks) {
    }

    /**
     * A section by its permalink: the section in the newest {@code done} version (or the
     * pinned one), and the versions in which it changed (against their predecessor),
     * oldest first.
     */
    record PermalinkView(String family, String key, VersionRef version, boolean latest, SectionRef section,
            List<VersionChange> changedIn) {
    }

    record SectionRef(UUID id, String title, int level, String content, @Nullable Integer pageNumber) {
    }

    record VersionChange(UUID id, String version, String kind) {
    }

}
