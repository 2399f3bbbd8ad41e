package org.edm.search.query;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Narrows a search. Only sections of documents whose processing is {@code done} are ever searched.
 *
 * @param document only sections of this document
 * @param title    only documents whose title contains this text (case-insensitive)
 * @param version  only documents of exactly this version
 * @param level    only sections of this heading level (1 = top level)
 */
record SearchFilters(@Nullable UUID document, @Nullable String title, @Nullable String version,
        @Nullable Integer level) {

    static final SearchFilters NONE = new SearchFilters(null, null, null, null);

    /** The LIKE pattern for {@link #title()}, with LIKE's own wildcards in the text escaped. */
    @Nullable
    String titlePattern() {
        if (title == null) {
            return null;
        }
        return "%" + title.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Whether a filter other than the document leaves out some sections. */
    boolean narrowsDocuments() {
        return title != null || version != null || level != null;
    }

    String canonical() {
        return document + "|" + title + "|" + version + "|" + level;
    }
}
