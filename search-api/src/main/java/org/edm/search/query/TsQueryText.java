package org.edm.search.query;

import java.util.List;
import java.util.stream.Collectors;

import org.edm.search.query.syntax.UserQuery.Item;
import org.edm.search.query.syntax.UserQuery;

/**
 * Writes a {@link UserQuery} as tsquery text for {@code to_tsquery('english', ...)},
 * which is then bound as a parameter. Every word and phrase becomes one quoted operand,
 * so nothing the user typed is ever read as tsquery syntax: inside quotes only {@code '}
 * and {@code \} are special, and both are escaped. PostgreSQL's text parser then splits
 * and stems each operand exactly as it did the indexed text (a quoted operand that yields
 * several lexemes becomes a phrase, one that yields none, such as a stop word, drops
 * out).
 */
final class TsQueryText {

    private TsQueryText() {
    }

    /**
     * The required part as the text must match it: groups joined by {@code &},
     * alternatives within a group by {@code |}; alternatives for titles only are left
     * out.
     */
    static String required(UserQuery query) {
        return join(query.required(), false, false);
    }

    /**
     * The required part with the alternatives for titles only, not restricted to title
     * words.
     */
    static String requiredWithTitleAlternatives(UserQuery query) {
        return join(query.required(), false, true);
    }

    /**
     * The required part restricted to title words (weight A), to tell sections whose
     * title matches.
     */
    static String requiredInTitle(UserQuery query) {
        return join(query.required(), true, true);
    }

    /**
     * The excluded items joined by {@code |}, or the empty string when nothing is
     * excluded.
     */
    static String excluded(UserQuery query) {
        return query.excluded().stream().map(item -> operand(item, false)).collect(Collectors.joining(" | "));
    }

    private static String join(List<List<Item>> groups, boolean titleOnly, boolean titleAlternatives) {
        return groups.stream()
            .map(group -> group.stream()
                .filter(item -> titleAlternatives || !item.titleOnly())
                .map(item -> operand(item, titleOnly))
                .collect(Collectors.joining(" | ", "( ", " )")))
            .collect(Collectors.joining(" & "));
    }

    static String operand(Item item, boolean titleOnly) {
        var out = new StringBuilder(item.text().length() + 8).append(quote(item.text()));
        if (item.prefix()) {
            out.append(titleOnly ? ":*A" : ":*");
        }
        else if (titleOnly) {
            out.append(":A");
        }
        return out.toString();
    }

    /**
     * {@code text} as one quoted tsquery operand: {@code '} and {@code \\} doubled, in
     * single quotes.
     */
    static String quote(String text) {
        var out = new StringBuilder(text.length() + 2).append('\'');
        for (char c : text.toCharArray()) {
            if (c == '\'' || c == '\\') {
                out.append(c);
            }
            out.append(c);
        }
        return out.append('\'').toString();
    }

    /**
     * The text of the quoted lexeme at the start of {@code token} (up to its closing
     * quote; a {@code :...} suffix after it is ignored), with the escapes {@code ''} and
     * backslash-character undone.
     */
    static String unquote(String token) {
        int end = afterQuoted(token, 0);
        int last = end < 0 ? token.length() : end - 1;
        var out = new StringBuilder(last);
        for (int i = 1; i < last; i++) {
            char c = token.charAt(i);
            if ((c == '\\' || c == '\'') && i + 1 < last) {
                i++;
                c = token.charAt(i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Where the quoted lexeme starting at {@code open} (a {@code '}) in tsquery text
     * ends: the index after its closing quote, or -1 when it is unclosed. {@code ''} and
     * a backslash before any character are escapes inside it.
     */
    static int afterQuoted(String text, int open) {
        int n = text.length();
        int end = open + 1;
        while (end < n) {
            char d = text.charAt(end);
            if (d == '\\' && end + 1 < n) {
                end += 2;
            }
            else if (d == '\'' && end + 1 < n && text.charAt(end + 1) == '\'') {
                end += 2;
            }
            else if (d == '\'') {
                return end + 1;
            }
            else {
                end++;
            }
        }
        return -1;
    }

    /**
     * The same query without word positions: every phrase operator ({@code <->},
     * {@code <N>}) of a normalised tsquery becomes {@code &}. A GIN index answers such a
     * query exactly, without reading rows, so it can bound how many rows a phrase query
     * examines. Only for queries without negation, which the required part never has.
     * @param normalised tsquery text as PostgreSQL prints it
     */
    static String withoutPositions(String normalised) {
        var out = new StringBuilder(normalised.length());
        int i = 0;
        int n = normalised.length();
        while (i < n) {
            char c = normalised.charAt(i);
            if (c == '\'') {
                // a quoted lexeme: copy it whole
                int closed = afterQuoted(normalised, i);
                int end = closed < 0 ? n : closed;
                out.append(normalised, i, end);
                i = end;
            }
            else if (c == '<') {
                int close = normalised.indexOf('>', i);
                out.append('&');
                i = close < 0 ? n : close + 1;
            }
            else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

}
