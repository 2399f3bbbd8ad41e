package org.edm.versions;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Documents with the same title form a family. Titles are compared case- and
 * whitespace-insensitively: the family key is the title stripped, lower-cased, with each
 * run of whitespace as one space. The SQL form of the same key, used by the services, is
 * {@code lower(btrim(regexp_replace(title, '\s+', ' ', 'g')))}.
 */
public final class Families {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Families() {
    }

    /**
     * The family key of a document title, e.g. {@code "Eurex  T7 EOBI "} ->
     * {@code "eurex t7 eobi"}.
     */
    public static String key(String title) {
        return WHITESPACE.matcher(title).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

}
