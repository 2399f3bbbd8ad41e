package org.edm.search.documents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The JSON bodies of the document and section endpoints; times are instants, answered as
 * ISO-8601 in UTC.
 */
final class DocumentViews {

    private DocumentViews() {
    }

    /**
     * One entry of {@code GET /api/documents}.
     *
     * @param sectionCount sections the parser wrote ({@code metadata.section_count}),
     * absent until it is done
     * @param failureReason why a {@code failed} document failed
     * ({@code metadata.failure_reason}, e.g. {@code encrypted}), absent otherwise
     */
    record DocumentSummary(UUID id, String title, String version, String status, Instant uploadDate,
            @Nullable Integer pageCount, @Nullable Integer sectionCount, @Nullable String failureReason) {
    }

    /**
     * A page of {@code GET /api/documents}, newest upload first.
     *
     * @param total number of documents matching the filters (exact)
     * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
     */
    record DocumentList(List<DocumentSummary> documents, long total, @Nullable String nextCursor, int limit) {
    }

    /**
     * {@code GET /api/documents/{id}}.
     *
     * @param metadata what the parser recorded: PDF info, checksum, size, a failure
     * reason...
     * @param sectionCount number of sections written for the document (0 until processing
     * is done)
     */
    record DocumentDetail(UUID id, String title, String version, String status, Instant uploadDate,
            @Nullable Integer pageCount, @Nullable JsonNode metadata, long sectionCount, Instant createdAt,
            Instant updatedAt) {
    }

    /**
     * {@code GET /api/documents/{id}/sections}: the outline as a flat list in reading
     * order; each entry names its parent, so a client rebuilds the tree by following
     * {@code parentId} (null for top-level sections).
     */
    record SectionOutline(UUID documentId, String title, String version, List<OutlineEntry> sections) {
    }

    record OutlineEntry(UUID id, @Nullable UUID parentId, int level, @Nullable String title,
            @Nullable Integer pageNumber, int orderIndex) {
    }

    /**
     * {@code GET /api/sections/{id}}.
     *
     * @param breadcrumb ancestors, top level first
     * @param previous the section before this one in reading order, if any
     * @param next the section after this one in reading order, if any
     */
    record SectionView(UUID id, DocumentRef document, @Nullable UUID parentId, int level, @Nullable String title,
            @Nullable String content, @Nullable Integer pageNumber, int orderIndex, List<SectionLink> breadcrumb,
            @Nullable SectionLink previous, @Nullable SectionLink next) {
    }

    record DocumentRef(UUID id, String title, String version, String status) {
    }

    record SectionLink(UUID id, @Nullable String title) {
    }

}
