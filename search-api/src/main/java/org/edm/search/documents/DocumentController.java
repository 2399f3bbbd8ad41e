package org.edm.search.documents;

import java.util.List;
import java.util.UUID;

import org.edm.events.ProcessingStatus;
import org.edm.search.documents.DocumentRepository.ListFilters;
import org.edm.search.documents.DocumentViews.DocumentDetail;
import org.edm.search.documents.DocumentViews.DocumentList;
import org.edm.search.documents.DocumentViews.DocumentSummary;
import org.edm.search.documents.DocumentViews.SectionOutline;
import org.edm.search.documents.DocumentViews.SectionView;
import org.edm.search.web.InvalidCursor;
import org.edm.search.web.InvalidParameter;
import org.edm.search.web.PageLimits;
import org.edm.search.web.TextParameter;
import org.edm.security.CursorSigner;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * Browsing: the documents, one document, its outline, one section with its neighbours.
 */
@RestController
class DocumentController {

    private final DocumentRepository documents;

    private final CursorSigner cursors;

    private final PageLimits limits;

    DocumentController(DocumentRepository documents, CursorSigner cursors, PageLimits limits) {
        this.documents = documents;
        this.cursors = cursors;
        this.limits = limits;
    }

    @GetMapping("/api/documents")
    @Operation(summary = "List documents, newest upload first, with the total count of matching documents")
    DocumentList list(
            @Parameter(description = "pending, processing, done or failed") @RequestParam(name = "status",
                    required = false) @Nullable String status,
            @Parameter(description = "title contains this text, case-insensitive") @RequestParam(name = "title",
                    required = false) @Nullable String title,
            @Parameter(description = "exactly this version") @RequestParam(name = "version",
                    required = false) @Nullable String version,
            @Parameter(description = "only this version family: its key (as /api/families lists it) or any spelling "
                    + "of its title (case and whitespace are ignored); an exact match, not a substring") @RequestParam(
                            name = "family", required = false) @Nullable String family,
            @Parameter(description = "documents per page, 1 to edm.search.max-limit (100); default 20") @RequestParam(
                    name = "limit", required = false) @Nullable Integer limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(name = "cursor",
                    required = false) @Nullable String cursor) {
        if (status != null && ProcessingStatus.fromValue(status).isEmpty()) {
            throw new InvalidParameter("status", "status must be one of pending, processing, done, failed.");
        }
        int rows = limits.rows(limit);
        var filters = new ListFilters(status, TextParameter.check("title", title, 255),
                TextParameter.check("version", version, 50), TextParameter.check("family", family, 255));
        DocumentCursor after = cursor == null || cursor.isEmpty() ? null : DocumentCursor
            .decode(cursors.verify(cursor.strip()).orElseThrow(InvalidCursor::new), filters.canonical());
        List<DocumentSummary> page = documents.list(filters, after, rows + 1);
        String next = null;
        if (page.size() > rows) {
            page = page.subList(0, rows);
            DocumentSummary last = page.get(rows - 1);
            next = cursors.sign(new DocumentCursor(last.uploadDate(), last.id()).encode(filters.canonical()));
        }
        return new DocumentList(page, documents.count(filters), next, rows);
    }

    @GetMapping("/api/documents/{id}")
    @Operation(summary = "One document: status, page count, metadata and number of sections")
    DocumentDetail document(@PathVariable("id") UUID id) {
        return documents.find(id).orElseThrow(() -> new DocumentNotFound(id));
    }

    @GetMapping("/api/documents/{id}/sections")
    @Operation(summary = "The document's sections in reading order, each with its parent's id (a flat tree)")
    SectionOutline outline(@PathVariable("id") UUID id) {
        DocumentDetail document = documents.find(id).orElseThrow(() -> new DocumentNotFound(id));
        return new SectionOutline(document.id(), document.title(), document.version(), documents.outline(id));
    }

    @GetMapping("/api/sections/{id}")
    @Operation(summary = "One section: its text, breadcrumb, and the previous and next section in reading order")
    SectionView section(@PathVariable("id") UUID id) {
        return documents.section(id).orElseThrow(() -> new SectionNotFound(id));
    }

}
