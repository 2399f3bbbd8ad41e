package org.edm.search.query;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Narrows a search. Only sections of documents whose processing is {@code done} are ever
 * searched.
 *
 * @param document only sections of this document
 * @param title only documents whose title contains this text (case-insensitive)
 * @param version only documents of exactly this version
 * @param level only sections of this heading level (1 = top level)
 * @param latestOnly only each family's newest done version ({@code versions=latest})
 * @param latestDocuments those versions' documents, resolved by {@link SectionSearch}
 * when {@code latestOnly}
 */
record SearchFilters(@Nullable UUID document, @Nullable String title, @Nullable String version, @Nullable Integer level,
        boolean latestOnly, @Nullable List<UUID> latestDocuments) {

    static final SearchFilters NONE = new SearchFilters(null, null, null, null);

    SearchFilters(@Nullable UUID document, @Nullable String title, @Nullable String version, @Nullable Integer level) {
        this(document, title, version, level, false, null);
    }

    /** These filters, only each family's newest done version. */
    SearchFilters latestVersionsOnly() {
        return new SearchFilters(document, title, version, level, true, null);
    }

    /** These filters with the newest versions' documents resolved. */
    SearchFilters resolvedTo(Collection<UUID> latest) {
        return new SearchFilters(document, title, version, level, latestOnly, List.copyOf(latest));
    }

    SearchFilters {
        latestDocuments = latestDocuments == null ? null : List.copyOf(latestDocuments);
    }

    /**
     * The documents of {@link #latestDocuments()} as one comma-separated text parameter;
     * empty for all.
     */
    String latestParameter() {
        if (!latestOnly) {
            return "";
        }
        if (latestDocuments == null) {
            throw new IllegalStateException("the newest versions were not resolved");
        }
        // no document at all: an id no document has, so nothing matches
        return latestDocuments.isEmpty() ? "00000000-0000-0000-0000-000000000000"
                : latestDocuments.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    /**
     * The LIKE pattern for {@link #title()}, with LIKE's own wildcards in the text
     * escaped.
     */
    @Nullable String titlePattern() {
        if (title == null) {
            return null;
        }
        return "%" + title.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Whether a filter other than the document leaves out some sections. */
    boolean narrowsDocuments() {
        return title != null || version != null || level != null || latestOnly;
    }

    String canonical() {
        return document + "|" + title + "|" + version + "|" + level + (latestOnly ? "|latest" : "");
    }
}
