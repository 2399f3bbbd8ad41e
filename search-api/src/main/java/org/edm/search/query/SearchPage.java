package org.edm.search.query;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One page of search results.
 *
 * @param query            the query as received
 * @param interpretedAs    the tsquery it was turned into (lexemes as stemmed by the 'english' configuration); empty
 *                         when the query has only stop words
 * @param hits             best first
 * @param total            number of matching sections: exact, or an estimate when {@code totalIsEstimate}
 * @param totalIsEstimate  whether {@code total} is the planner's estimate corrected by the share of examined
 *                         sections that matched
 * @param allMatchesRanked whether every match was ranked; if not, the best of a bounded candidate set (title
 *                         matches first) were ranked, and paging ends with that set
 * @param nextCursor       pass as {@code cursor} to get the next page; absent on the last page
 * @param limit            the page size used
 */
record SearchPage(String query, String interpretedAs, List<Hit> hits, long total, boolean totalIsEstimate,
        boolean allMatchesRanked, @Nullable String nextCursor, int limit) {

    /**
     * @param sectionId  the section
     * @param title      its heading
     * @param level      its heading level
     * @param breadcrumb its ancestors, top level first
     * @param document   the document it belongs to
     * @param pageNumber the page where it starts, if known
     * @param score      relevance: 1 and more when the title matches the whole query, below 1 otherwise
     * @param snippet    HTML-safe extract of the text with matched words in {@code <mark>...</mark>}
     */
    record Hit(UUID sectionId, @Nullable String title, int level, List<Ancestor> breadcrumb, DocumentRef document,
            @Nullable Integer pageNumber, double score, String snippet) {
    }

    record Ancestor(UUID id, @Nullable String title) {
    }

    record DocumentRef(UUID id, String title, String version) {
    }
}
