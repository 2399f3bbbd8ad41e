package org.edm.search.query.syntax;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.edm.search.query.syntax.UserQuery.Item;

/**
 * The kind of a query, as a low-cardinality tag of the {@code edm.search.query} timer.
 */
public enum QueryClass {

    PHRASE, IDENTIFIER, PREFIX, BOOLEAN, WORDS;

    /**
     * Digits, underscores, punctuation inside a word, or an upper-case letter after a
     * lower-case one.
     */
    private static final Pattern IDENTIFIER_LIKE = Pattern
        .compile(".*(\\d|_|\\p{L}[=.:/-]\\p{Alnum}|\\p{Ll}\\p{Lu}).*");

    public static QueryClass of(UserQuery query) {
        List<Item> items = query.required().stream().flatMap(List::stream).toList();
        // before phrases: a camel-case identifier brings its spelled-out phrase along
        if (items.stream().anyMatch(item -> !item.phrase() && IDENTIFIER_LIKE.matcher(item.text()).matches())) {
            return IDENTIFIER;
        }
        if (query.hasPhrase()) {
            return PHRASE;
        }
        if (query.hasPrefix()) {
            return PREFIX;
        }
        if (query.hasAlternatives() || !query.excluded().isEmpty()) {
            return BOOLEAN;
        }
        return WORDS;
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

}
