package org.edm.search.query;

import java.util.UUID;

import org.edm.search.query.syntax.EmptyQuery;
import org.edm.search.web.InvalidParameter;
import org.edm.search.web.PageLimits;
import org.edm.search.web.TextParameter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * {@code GET /api/search}: ranked full-text search over the sections of processed
 * documents.
 */
@RestController
class SearchController {

    private final SectionSearch search;

    private final PageLimits limits;

    SearchController(SectionSearch search, PageLimits limits) {
        this.search = search;
        this.limits = limits;
    }

    @GetMapping("/api/search")
    @Operation(summary = "Search sections", description = """
            Web-search syntax: words are all required, "quoted phrases" match in order, OR between two items \
            accepts either, -word or -"phrase" excludes. The last word also matches as a prefix unless the query \
            ends with a space. Identifiers match as written in the specifications (AddOrder, Stock_Locate, 35=D). \
            Only documents whose processing is done are searched.""")
    SearchPage search(
            @Parameter(description = "the query, at most edm.search.max-query-length characters") @RequestParam(
                    name = "q", required = false) @Nullable String q,
            @Parameter(description = "only sections of this document (id)") @RequestParam(name = "document",
                    required = false) @Nullable UUID document,
            @Parameter(description = "only documents whose title contains this text, case-insensitive") @RequestParam(
                    name = "title", required = false) @Nullable String title,
            @Parameter(description = "only documents of exactly this version") @RequestParam(name = "version",
                    required = false) @Nullable String version,
            @Parameter(description = "only sections of this heading level (1 = top level)") @RequestParam(
                    name = "level", required = false) @Nullable Integer level,
            @Parameter(description = "hits per page, 1 to edm.search.max-limit (100); default 20") @RequestParam(
                    name = "limit", required = false) @Nullable Integer limit,
            @Parameter(description = "nextCursor of the previous page of the same search") @RequestParam(
                    name = "cursor", required = false) @Nullable String cursor,
            @Parameter(
                    description = "latest: only each family's newest done version; all (default): every version") @RequestParam(
                            name = "versions", required = false) @Nullable String versions) {
        if (q == null) {
            throw new EmptyQuery();
        }
        int pageSize = limits.rows(limit);
        if (level != null && level < 1) {
            throw new InvalidParameter("level", "level must be 1 or more.");
        }
        if (versions != null && !versions.equals("latest") && !versions.equals("all")) {
            throw new InvalidParameter("versions", "versions must be latest or all.");
        }
        var filters = new SearchFilters(document, TextParameter.check("title", title, 255),
                TextParameter.check("version", version, 50), level);
        return search.search(q, "latest".equals(versions) ? filters.latestVersionsOnly() : filters, pageSize,
                cursor == null || cursor.isEmpty() ? null : cursor);
    }

}
