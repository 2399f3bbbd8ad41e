package org.edm.search.query;

import org.jspecify.annotations.Nullable;

/**
 * Turns ts_headline output into HTML that is safe to insert into a page: the section text
 * is escaped, and only the marks placed by ts_headline (private-use characters, removed
 * from the text beforehand) become {@code <mark>} elements.
 */
final class Snippets {

    private Snippets() {
    }

    static String toHtml(@Nullable String headline) {
        if (headline == null) {
            return "";
        }
        var out = new StringBuilder(headline.length() + 32);
        for (int i = 0; i < headline.length(); i++) {
            char c = headline.charAt(i);
            switch (c) {
                case '\uE000' -> out.append("<mark>");
                case '\uE001' -> out.append("</mark>");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString().strip();
    }

}
