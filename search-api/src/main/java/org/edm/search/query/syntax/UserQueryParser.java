package org.edm.search.query.syntax;

import java.util.ArrayList;
import java.util.List;

import org.edm.search.query.syntax.UserQuery.Item;
import org.jspecify.annotations.Nullable;

/**
 * Parses web-search syntax: words (all required), {@code "quoted phrases"}, {@code OR}
 * between two items, and {@code -} before a word or phrase to exclude it. Anything else
 * is text: operators of PostgreSQL's tsquery syntax ({@code & | ! ( ) : * <->}) have no
 * meaning here and end up as ordinary characters that the text parser drops, exactly as
 * it drops them from the indexed text. An unclosed quote runs to the end of the query.
 * <p>
 * A camel-case word also matches its words written apart in section titles:
 * {@code AddOrder} finds the section titled "Add Order Message" too.
 * <p>
 * The last word is also matched as a prefix while the user is still typing it: when the
 * query does not end in white space, the word is not quoted or excluded, and it is a
 * plain run of at least {@code minPrefixLength} letters and digits starting with a letter
 * (a prefix of a short or punctuated token, such as {@code 35=D}, would match far too
 * much).
 */
public final class UserQueryParser {

    private final int maxLength;

    private final int maxItems;

    private final int minPrefixLength;

    public UserQueryParser(int maxLength, int maxItems, int minPrefixLength) {
        this.maxLength = maxLength;
        this.maxItems = maxItems;
        this.minPrefixLength = minPrefixLength;
    }

    private record Token(String text, boolean phrase, boolean negated, boolean or) {
    }

    /**
     * @throws EmptyQuery, QueryTooLong, QueryTooComplex, NothingToSearchFor when the
     * query is blank, too long, has too many items or nothing to search for
     */
    public UserQuery parse(String raw) {
        if (raw.codePointCount(0, raw.length()) > maxLength) {
            throw new QueryTooLong(maxLength);
        }
        String text = withoutControlCharacters(raw);
        if (text.isBlank()) {
            throw new EmptyQuery();
        }
        List<Token> tokens = tokenize(text);
        if (tokens.stream().filter(t -> !t.or()).count() > maxItems) {
            throw new QueryTooComplex(maxItems);
        }
        boolean stillTyping = !Character.isWhitespace(text.charAt(text.length() - 1));
        List<List<Item>> required = new ArrayList<>();
        List<Item> excluded = new ArrayList<>();
        boolean joinWithPrevious = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.or()) {
                // OR joins the items on either side; a leading, trailing or doubled OR
                // means nothing
                joinWithPrevious = !required.isEmpty() && i > 0 && !tokens.get(i - 1).negated();
                continue;
            }
            @Nullable String spelledOut = token.phrase() ? null : spelledOut(token.text());
            if (token.negated()) {
                excluded.add(new Item(token.text(), token.phrase(), false));
                if (spelledOut != null) {
                    excluded.add(new Item(spelledOut, true, false));
                }
                joinWithPrevious = false;
                continue;
            }
            boolean prefix = stillTyping && i == tokens.size() - 1 && !token.phrase() && isPrefixable(token.text());
            var item = new Item(token.text(), token.phrase(), prefix);
            List<Item> group;
            if (joinWithPrevious) {
                group = required.get(required.size() - 1);
                group.add(item);
            }
            else {
                group = new ArrayList<>(List.of(item));
                required.add(group);
            }
            if (spelledOut != null) {
                // in titles only: "add" and "order" apart are in a large share of all
                // texts, costly to look up,
                // while the section that defines AddOrder is titled "Add Order Message".
                // Never a prefix: that
                // applies to every word of a phrase, and "Bin":* matches all of "binary"
                group.add(new Item(spelledOut, true, false, true));
            }
            joinWithPrevious = false;
        }
        if (required.isEmpty()) {
            throw new NothingToSearchFor();
        }
        return new UserQuery(required, excluded);
    }

    private List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = false;
            if (c == '-' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
                negated = true;
                i++;
                c = text.charAt(i);
            }
            if (c == '"') {
                int end = text.indexOf('"', i + 1);
                String phrase = (end < 0 ? text.substring(i + 1) : text.substring(i + 1, end)).strip();
                i = end < 0 ? n : end + 1;
                if (!phrase.isEmpty()) {
                    tokens.add(new Token(phrase, true, negated, false));
                }
                continue;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '"') {
                i++;
            }
            String word = text.substring(start, i);
            if (!negated && word.equals("OR")) {
                tokens.add(new Token(word, false, false, true));
            }
            else if (!word.isEmpty()) {
                tokens.add(new Token(word, false, negated, false));
            }
        }
        return tokens;
    }

    /**
     * A camel-case identifier as separate words ({@code AddOrder} as {@code Add Order},
     * {@code SoupBinTCP} as {@code Soup Bin TCP}), or null when the word is not one.
     * Specifications write the same thing both ways: the message is "Add Order" in a
     * heading and {@code AddOrder} in a table or in code.
     */
    static @Nullable String spelledOut(String word) {
        if (word.length() < 4 || !word.codePoints().allMatch(Character::isLetterOrDigit)) {
            return null;
        }
        var out = new StringBuilder(word.length() + 4);
        boolean split = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                char before = word.charAt(i - 1);
                boolean lowerBefore = Character.isLowerCase(before);
                boolean acronymEnds = Character.isUpperCase(before) && i + 1 < word.length()
                        && Character.isLowerCase(word.charAt(i + 1));
                if (lowerBefore || acronymEnds) {
                    out.append(' ');
                    split = true;
                }
            }
            out.append(c);
        }
        return split ? out.toString() : null;
    }

    private boolean isPrefixable(String word) {
        if (word.length() < minPrefixLength || !Character.isLetter(word.codePointAt(0))) {
            return false;
        }
        return word.codePoints().allMatch(Character::isLetterOrDigit);
    }

    /**
     * NUL cannot be sent to PostgreSQL at all; other control characters are only
     * separators.
     */
    private static String withoutControlCharacters(String raw) {
        var out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE
                    || Character.getType(cp) == Character.FORMAT) {
                out.append(' ');
            }
            else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

}
