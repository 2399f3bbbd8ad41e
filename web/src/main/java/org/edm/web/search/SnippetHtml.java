package org.edm.web.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search snippet made safe to insert as HTML. search-api already escapes the section
 * text and adds only {@code <mark>} and {@code </mark>} ({@code Snippets.toHtml}); this
 * keeps exactly those tags and the entities it writes and escapes everything else, so a
 * future change of the API cannot inject markup into the page.
 */
final class SnippetHtml {

    private static final Pattern ALLOWED = Pattern.compile("</?mark>|&(?:lt|gt|amp|quot|#39);");

    private SnippetHtml() {
    }

    static String safe(String snippet) {
        var out = new StringBuilder(snippet.length() + 16);
        Matcher allowed = ALLOWED.matcher(snippet);
        int at = 0;
        while (allowed.find()) {
            escape(snippet.substring(at, allowed.start()), out);
            out.append(allowed.group());
            at = allowed.end();
        }
        escape(snippet.substring(at), out);
        return out.toString();
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

}
