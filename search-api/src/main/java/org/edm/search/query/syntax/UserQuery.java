package org.edm.search.query.syntax;

import java.util.List;

/**
 * What a user typed into the search box, parsed with web-search syntax: every group must
 * match (AND), a group matches when any of its alternatives does ({@code OR}), and no
 * excluded item may match ({@code -word}, {@code -"a phrase"}).
 *
 * @param required groups that must all match; never empty
 * @param excluded items that must not match
 */
public record UserQuery(List<List<Item>> required, List<Item> excluded) {

    /**
     * A word or a quoted phrase as the user typed it. Words are handed to PostgreSQL's
     * own text parser, so an identifier is split exactly as it was in the indexed text
     * ({@code Stock_Locate} becomes the phrase {@code stock <-> locat}, {@code 35=D}
     * becomes {@code 35 <-> d}).
     *
     * @param text the word or the phrase's text, never blank
     * @param phrase whether it was quoted
     * @param prefix whether it is also matched as a prefix (the last word, while the user
     * is still typing it)
     * @param titleOnly an alternative matched in section titles only: a camel-case
     * identifier's words written apart ({@code AddOrder} as "Add Order"), which name the
     * section that defines it
     */
    public record Item(String text, boolean phrase, boolean prefix, boolean titleOnly) {

        public Item(String text, boolean phrase, boolean prefix) {
            this(text, phrase, prefix, false);
        }
    }

    public UserQuery {
        required = required.stream().map(List::copyOf).toList();
        excluded = List.copyOf(excluded);
    }

    public boolean hasPhrase() {
        return required.stream().flatMap(List::stream).anyMatch(Item::phrase);
    }

    public boolean hasPrefix() {
        return required.stream().flatMap(List::stream).anyMatch(Item::prefix);
    }

    public boolean hasAlternatives() {
        return required.stream().anyMatch(group -> group.stream().filter(item -> !item.titleOnly()).count() > 1);
    }

    /**
     * The normalised form of the query, stable across equivalent spellings: used to bind
     * cursors to a query.
     */
    public String canonical() {
        var out = new StringBuilder();
        for (List<Item> group : required) {
            out.append('(');
            group.forEach(item -> out.append(render(item)).append('|'));
            out.append(')');
        }
        excluded.forEach(item -> out.append('-').append(render(item)));
        return out.toString();
    }

    private static String render(Item item) {
        return (item.titleOnly() ? "title:" : "") + (item.phrase() ? "\"" + item.text() + "\"" : item.text())
                + (item.prefix() ? "*" : "");
    }
}
