package org.edm.search.web;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Reads a section's ancestors from the {@code breadcrumb_ids} / {@code breadcrumb_titles}
 * array columns that the search and browsing queries both select (top level first): part
 * of both endpoints' answers, so it lives with what the endpoints share.
 */
public final class Breadcrumbs {

    private Breadcrumbs() {
    }

    /**
     * The ancestors of the current row, each made by {@code link} from its id and title;
     * empty at top level.
     */
    public static <T> List<T> read(ResultSet rs, BiFunction<UUID, String, T> link) throws SQLException {
        Array ids = rs.getArray("breadcrumb_ids");
        Array titles = rs.getArray("breadcrumb_titles");
        if (ids == null || titles == null) {
            return List.of();
        }
        String[] idValues = (String[]) ids.getArray();
        String[] titleValues = (String[]) titles.getArray();
        var breadcrumb = new ArrayList<T>(idValues.length);
        for (int i = 0; i < idValues.length; i++) {
            breadcrumb.add(link.apply(UUID.fromString(idValues[i]), titleValues[i]));
        }
        return breadcrumb;
    }

}
