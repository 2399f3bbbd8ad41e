package org.edm.search.query;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One page of search results.
 *
 * @param query the query as received
 * @param interpretedAs the tsquery it was turned into (lexemes as stemmed by the
 * 'english' configuration); empty when the query has only stop words
 * @param hits best first
 * @param total number of matching sections: exact, or an estimate when
 * {@code totalIsEstimate}
 * @param totalIsEstimate whether {@code total} is the planner's estimate corrected by the
 * share of examined sections that matched
 * @param allMatchesRanked whether every match was ranked; if not, the best of a bounded
 * candidate set (title matches first) were ranked, and paging ends with that set
 * @param nextCursor pass as {@code cursor} to get the next page; absent on the last page
 * @param limit the page size used
 */
record SearchPage(String query, String interpretedAs, List<Hit> hits, long total, boolean totalIsEstimate,
        boolean allMatchesRanked, @Nullable String nextCursor, int limit) {

    /**
     * @param sectionId the section
     * @param title its heading
     * @param level its heading level
     * @param breadcrumb its ancestors, top level first
     * @param document the document it belongs to
     * @param pageNumber the page where it starts, if known
     * @param score relevance: 1 and more when the title matches the whole query, below 1
     * otherwise
     * @param snippet HTML-safe extract of the text with matched words in
     * {@code <mark>...</mark>}
     * @param family the document's family key (its title lower-cased, whitespace
     * collapsed)
     * @param sectionKey the section's permalink key in its family, once the versions
     * consumer assigned it
     * @param latest whether the document is its family's newest done version
     */
    record Hit(UUID sectionId, @Nullable String title, int level, List<Ancestor> breadcrumb, DocumentRef document,
            @Nullable Integer pageNumber, double score, String snippet, String family, @Nullable String sectionKey,
            @Nullable Boolean latest) {
    }

    /**
     * This page with each hit's {@code latest} set from the families' newest done
     * versions and its {@code sectionKey} from {@code sectionKeys} (none for a section
     * not keyed yet).
     */
    SearchPage completed(Set<UUID> latestDocuments, Map<UUID, String> sectionKeys) {
        List<Hit> completed = hits.stream()
            .map(h -> new Hit(h.sectionId(), h.title(), h.level(), h.breadcrumb(), h.document(), h.pageNumber(),
                    h.score(), h.snippet(), h.family(), sectionKeys.get(h.sectionId()),
                    latestDocuments.contains(h.document().id())))
            .toList();
        return new SearchPage(query, interpretedAs, completed, total, totalIsEstimate, allMatchesRanked, nextCursor,
                limit);
    }

    record Ancestor(UUID id, @Nullable String title) {
    }

    record DocumentRef(UUID id, String title, String version) {
    }
}
