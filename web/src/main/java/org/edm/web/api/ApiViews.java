package org.edm.web.api;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.edm.events.ProcessingStatus;
import org.jspecify.annotations.Nullable;

/** The parts of the APIs' JSON answers the pages show (unknown fields are ignored). */
public final class ApiViews {

    private ApiViews() {
    }

    /** {@code GET /api/me}. */
    public record Me(String name, List<String> scopes) {
    }

    /** One entry of search-api's {@code GET /api/documents}. */
    public record DocumentSummary(UUID id, String title, String version, String status, LocalDateTime uploadDate,
            @Nullable Integer pageCount, @Nullable Integer sectionCount, @Nullable String failureReason) {

        public boolean inProgress() {
            return ProcessingStatus.fromValue(status).filter(known -> !known.isFinal()).isPresent();
        }

        public @Nullable String failureInWords() {
            return failureReason == null ? null : ProblemMessages.failureReason(failureReason);
        }
    }

    public record DocumentList(List<DocumentSummary> documents, long total, @Nullable String nextCursor) {
    }

    /** search-api's {@code GET /api/documents/{id}}. */
    public record DocumentDetail(UUID id, String title, String version, String status, LocalDateTime uploadDate,
            @Nullable Integer pageCount, @Nullable Map<String, Object> metadata, long sectionCount,
            LocalDateTime updatedAt) {

        public @Nullable String failureInWords() {
            Object reason = metadata == null ? null : metadata.get("failure_reason");
            return reason == null ? null : ProblemMessages.failureReason(reason.toString());
        }

        public @Nullable Object meta(String key) {
            return metadata == null ? null : metadata.get(key);
        }
    }

    /** search-api's {@code GET /api/documents/{id}/sections}. */
    public record Outline(UUID documentId, String title, String version, List<OutlineEntry> sections) {
    }

    public record OutlineEntry(UUID id, @Nullable UUID parentId, int level, @Nullable String title,
            @Nullable Integer pageNumber, int orderIndex) {
    }

    /** search-api's {@code GET /api/sections/{id}}. */
    public record SectionView(UUID id, DocumentRef document, @Nullable UUID parentId, int level, @Nullable String title,
            @Nullable String content, @Nullable Integer pageNumber, int orderIndex, List<SectionLink> breadcrumb,
            @Nullable SectionLink previous, @Nullable SectionLink next) {
    }

    public record DocumentRef(UUID id, String title, String version, @Nullable String status) {
    }

    public record SectionLink(UUID id, @Nullable String title) {
    }

    /** search-api's {@code GET /api/search}. */
    public record SearchPage(String query, @Nullable String interpretedAs, List<Hit> hits, long total,
            @Nullable Boolean totalIsEstimate, @Nullable String nextCursor) {
    }

    /**
     * One hit; {@code snippet} is HTML with {@code <mark>}s (see {@code SnippetHtml}
     * before showing it).
     */
    public record Hit(UUID sectionId, @Nullable String title, int level, List<SectionLink> breadcrumb,
            DocumentRef document, @Nullable Integer pageNumber, double score, String snippet) {
    }

    /** search-api's {@code GET /api/families}. */
    public record FamilyList(List<FamilySummary> families, @Nullable String nextAfter) {
    }

    public record FamilySummary(String family, String title, int versions, @Nullable VersionRef newest) {
    }

    public record VersionRef(UUID id, String version) {
    }

    /** search-api's {@code GET /api/families/{family}}: versions oldest first. */
    public record FamilyDetail(String family, String title, List<FamilyVersion> versions) {
    }

    /**
     * One version; {@code changes} against {@code comparedWith} (the previous done
     * version) when stored.
     */
    public record FamilyVersion(UUID id, String version, String status, String uploadDate, @Nullable Boolean latest,
            @Nullable UUID comparedWith, @Nullable Counts changes) {

        public boolean done() {
            return ProcessingStatus.DONE.value().equals(status);
        }
    }

    public record Counts(int unchanged, int changed, int added, int removed, int moved, int renamed) {
    }

    /** search-api's {@code GET /api/compare}: counts and one page of section changes. */
    public record Comparison(String family, VersionRef from, VersionRef to, Counts counts, List<Change> changes,
            int total, int offset, int limit) {
    }

    /**
     * A section that differs: kind {@code changed}, {@code added}, {@code removed},
     * {@code moved}, {@code renamed}.
     */
    public record Change(String kind, String key, @Nullable UUID fromSectionId, @Nullable UUID toSectionId,
            @Nullable String fromTitle, @Nullable String toTitle, List<Hunk> hunks) {
    }

    /**
     * Word-level: the words only the older text has ({@code removed}) and only the newer
     * has ({@code added}).
     */
    public record Hunk(int fromWord, int toWord, String removed, String added) {
    }

    /** ingest-service's answer to an upload. */
    public record UploadReceipt(UUID id, String title, String version, String status, boolean duplicate) {
    }

}
