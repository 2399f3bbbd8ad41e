package org.edm.search.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The word pairs a phrase query requires, as a tsquery over
 * {@code edm_word_pairs(search_vector)} (migration V303):
 * {@code 'field' <-> 'order' <-> 'messag'} requires the pairs
 * {@code 'field order' & 'order messag'}. Only pairs every match must have are taken:
 * adjacent ({@code <->}) plain lexemes of a phrase that is itself required, that is a
 * top-level {@code &} operand outside any {@code |}, {@code !} or parentheses. Prefixes
 * ({@code :*}) and pairs across a removed stop word ({@code <2>}) are left out. Every
 * section that matches the phrase holds these pairs, so they narrow the rows to read
 * without losing any match.
 */
final class PhrasePairs {

    /**
     * Longer pairs are not in the index (see migration V303), so they cannot be required.
     */
    static final int MAX_PAIR_BYTES = 64;

    private PhrasePairs() {
    }

    /**
     * @param normalised the required part as PostgreSQL prints it
     * @return tsquery text of the required pairs joined by {@code &}, or the empty string
     * when there are none
     */
    static String required(String normalised) {
        List<String> tokens = tokens(normalised);
        Set<String> pairs = new LinkedHashSet<>();
        List<String> conjunct = new ArrayList<>();
        int depth = 0;
        boolean usable = true;
        for (String token : tokens) {
            switch (token) {
                case "(" -> {
                    depth++;
                    usable = false;
                }
                case ")" -> depth--;
                case "|", "!" -> usable = false;
                case "&" -> {
                    if (depth == 0) {
                        if (usable) {
                            addPairs(conjunct, pairs);
                        }
                        conjunct.clear();
                        usable = true;
                    }
                }
                default -> {
                    if (depth == 0) {
                        conjunct.add(token);
                    }
                }
            }
        }
        if (usable) {
            addPairs(conjunct, pairs);
        }
        return String.join(" & ", pairs);
    }

    /** Pairs of plain lexemes joined by {@code <->} in one conjunct's tokens. */
    private static void addPairs(List<String> conjunct, Set<String> pairs) {
        for (int i = 0; i + 2 < conjunct.size(); i++) {
            String left = conjunct.get(i);
            String operator = conjunct.get(i + 1);
            String right = conjunct.get(i + 2);
            if (operator.equals("<->") && plain(left) && plain(right)) {
                String pair = TsQueryText.unquote(left) + " " + TsQueryText.unquote(right);
                if (pair.getBytes(StandardCharsets.UTF_8).length <= MAX_PAIR_BYTES) {
                    pairs.add(TsQueryText.quote(pair));
                }
            }
        }
    }

    /** A quoted lexeme without a prefix or weight suffix. */
    private static boolean plain(String token) {
        return token.startsWith("'") && token.endsWith("'");
    }

    /**
     * Splits tsquery output into tokens: quoted lexemes with any {@code :...} suffix,
     * {@code & | ! ( )} and phrase operators ({@code <->}, {@code <N>}).
     */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ') {
                i++;
            }
            else if (c == '\'') {
                int closed = TsQueryText.afterQuoted(text, i);
                int end = closed < 0 ? n : closed;
                while (end < n && text.charAt(end) != ' ' && text.charAt(end) != ')') {
                    end++;
                }
                tokens.add(text.substring(i, end));
                i = end;
            }
            else if (c == '<') {
                int close = text.indexOf('>', i);
                int end = close < 0 ? n : close + 1;
                tokens.add(text.substring(i, end));
                i = end;
            }
            else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

}
