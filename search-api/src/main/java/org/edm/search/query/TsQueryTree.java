package org.edm.search.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A tsquery as PostgreSQL prints it
 * ({@code 'stock' <-> 'locat' & ( 'add' | 'order':* )}), parsed back into a tree so the
 * search can reason about its lexemes: how many sections each matches, how much index
 * work the query means. Only reads what {@code to_tsquery} produces.
 */
sealed interface TsQueryTree {

    record Lexeme(String text, boolean prefix) implements TsQueryTree {
    }

    /**
     * {@code &}, and the phrase operators, which match a subset of what {@code &}
     * matches.
     */
    record All(List<TsQueryTree> operands) implements TsQueryTree {
    }

    record Any(List<TsQueryTree> operands) implements TsQueryTree {
    }

    record Not(TsQueryTree operand) implements TsQueryTree {
    }

    /**
     * @throws IllegalArgumentException when the text is not tsquery output
     */
    static TsQueryTree parse(String text) {
        var parser = new Parser(text);
        TsQueryTree tree = parser.any();
        parser.skipSpaces();
        if (parser.at < text.length()) {
            throw new IllegalArgumentException("unexpected text at " + parser.at + " in " + text);
        }
        return tree;
    }

    final class Parser {

        private final String text;

        private int at;

        private Parser(String text) {
            this.text = text;
        }

        private TsQueryTree any() {
            List<TsQueryTree> operands = new ArrayList<>(List.of(all()));
            while (consume("|")) {
                operands.add(all());
            }
            return operands.size() == 1 ? operands.get(0) : new Any(operands);
        }

        private TsQueryTree all() {
            List<TsQueryTree> operands = new ArrayList<>(List.of(unary()));
            while (consume("&") || consumePhraseOperator()) {
                operands.add(unary());
            }
            return operands.size() == 1 ? operands.get(0) : new All(operands);
        }

        private TsQueryTree unary() {
            if (consume("!")) {
                return new Not(unary());
            }
            if (consume("(")) {
                TsQueryTree inner = any();
                if (!consume(")")) {
                    throw new IllegalArgumentException("missing ) in " + text);
                }
                return inner;
            }
            return lexeme();
        }

        private TsQueryTree lexeme() {
            skipSpaces();
            if (at >= text.length() || text.charAt(at) != '\'') {
                throw new IllegalArgumentException("expected a quoted lexeme at " + at + " in " + text);
            }
            int end = TsQueryText.afterQuoted(text, at);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed lexeme in " + text);
            }
            String value = TsQueryText.unquote(text.substring(at, end));
            at = end;
            boolean prefix = false;
            if (at < text.length() && text.charAt(at) == ':') {
                at++;
                while (at < text.length() && "*ABCDabcd".indexOf(text.charAt(at)) >= 0) {
                    prefix |= text.charAt(at) == '*';
                    at++;
                }
            }
            return new Lexeme(value, prefix);
        }

        private boolean consumePhraseOperator() {
            skipSpaces();
            if (at < text.length() && text.charAt(at) == '<') {
                int close = text.indexOf('>', at);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed phrase operator in " + text);
                }
                at = close + 1;
                return true;
            }
            return false;
        }

        private boolean consume(String token) {
            skipSpaces();
            if (text.startsWith(token, at)) {
                at += token.length();
                return true;
            }
            return false;
        }

        private void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }

    }

}
