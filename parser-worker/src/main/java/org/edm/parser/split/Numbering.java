package org.edm.parser.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The section number that starts a heading: {@code 4}, {@code 4.2.1}, {@code 1.},
 * {@code 1.0}, {@code Appendix A}, {@code A.1}, {@code Chapter 3}.
 *
 * <p>
 * Appendices are numbered after every decimal chapter ({@link #APPENDIX_BASE} + their
 * ordinal), so one ordering covers a whole document:
 * {@code 9.3 < Appendix A < A.1 < Appendix B}.
 *
 * @param parts the number's components, outermost first; never empty
 * @param label the numbering as printed (e.g. {@code "4.2."})
 * @param rest the heading text after the numbering, stripped
 */
record Numbering(List<Integer> parts, String label, String rest) {

    static final int APPENDIX_BASE = 1000;

    private static final Pattern DECIMAL = Pattern.compile(
            "^((?:(?:chapter|section|part)\\s+)?)(\\d{1,2}(?:\\.\\d{1,3}){0,6})(\\.?)(?:(?=\\s)|$)\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern APPENDIX = Pattern.compile(
            "^((?:appendix|annex|annexure|attachment)\\s+([A-Z]|\\d{1,2}|[IVX]{1,4}))(?:(?=[\\s.:\\u2013\\u2014-])|$)"
                    + "[\\s.:\\u2013\\u2014-]*(.*)$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern LETTERED = Pattern
        .compile("^([A-Z])((?:\\.\\d{1,3}){1,5})(\\.?)(?:(?=\\s)|$)\\s*(.*)$");

    /**
     * "A Appendix", "B Change log": a capital letter as the whole number, as LaTeX
     * numbers appendices.
     */
    private static final Pattern LETTER = Pattern.compile("^([A-H])\\s+(\\p{Lu}\\p{L}+(?:\\s.*)?)$");

    Numbering {
        parts = List.copyOf(parts);
    }

    int depth() {
        return parts.size();
    }

    boolean isAppendix() {
        return parts.get(0) >= APPENDIX_BASE;
    }

    /**
     * The numbering at the start of {@code line}, or {@code null} when it does not start
     * with one.
     */
    static @Nullable Numbering parse(String line) {
        String text = line.strip();
        if (text.length() < 2) {
            return text.length() == 1 && Character.isDigit(text.charAt(0))
                    ? new Numbering(List.of(text.charAt(0) - '0'), text, "") : null;
        }
        // cheap look at the first characters: most lines start with none of these forms
        char first = text.charAt(0);
        boolean digit = first >= '0' && first <= '9';
        boolean capital = first >= 'A' && first <= 'Z';
        boolean word = Character.isLetter(first) && Character.isLetter(text.charAt(1));
        if (!digit && !capital && !word) {
            return null;
        }
        Matcher decimal = DECIMAL.matcher(text);
        if ((digit || word) && decimal.matches()) {
            List<Integer> parts = new ArrayList<>();
            for (String part : decimal.group(2).split("\\.")) {
                parts.add(Integer.parseInt(part));
            }
            // "1.0 Introduction" is a chapter, written the way some specifications number
            // them
            while (parts.size() > 1 && parts.get(parts.size() - 1) == 0) {
                parts.remove(parts.size() - 1);
            }
            return new Numbering(parts, decimal.group(1) + decimal.group(2) + decimal.group(3), decimal.group(4));
        }
        Matcher appendix = APPENDIX.matcher(text);
        if (word && appendix.matches()) {
            int ordinal = ordinal(appendix.group(2));
            if (ordinal > 0) {
                return new Numbering(List.of(APPENDIX_BASE + ordinal), appendix.group(1), appendix.group(3));
            }
        }
        if (!capital || text.charAt(1) != '.' && text.charAt(1) != ' ') {
            return null;
        }
        Matcher lettered = LETTERED.matcher(text);
        if (lettered.matches()) {
            List<Integer> parts = new ArrayList<>();
            parts.add(APPENDIX_BASE + lettered.group(1).charAt(0) - 'A' + 1);
            for (String part : lettered.group(2).substring(1).split("\\.")) {
                parts.add(Integer.parseInt(part));
            }
            return new Numbering(parts, lettered.group(1) + lettered.group(2) + lettered.group(3), lettered.group(4));
        }
        Matcher letter = LETTER.matcher(text);
        if (letter.matches()) {
            return new Numbering(List.of(APPENDIX_BASE + letter.group(1).charAt(0) - 'A' + 1), letter.group(1),
                    letter.group(2));
        }
        return null;
    }

    /**
     * Whether this is a bare capital letter ("A Appendix"), which reads as easily as a
     * sentence's first word.
     */
    boolean lettered() {
        return label.length() == 1 && Character.isLetter(label.charAt(0));
    }

    /**
     * {@code text} without a leading numbering (decimal or lettered; "Appendix A" is
     * kept, it is a word).
     */
    static String withoutNumber(String text) {
        Numbering numbering = parse(text);
        if (numbering == null || numbering.label().toLowerCase(Locale.ROOT).startsWith("appendix")
                || numbering.label().toLowerCase(Locale.ROOT).startsWith("annex")
                || numbering.label().toLowerCase(Locale.ROOT).startsWith("attachment")) {
            return text.strip();
        }
        return numbering.rest();
    }

    /**
     * Whether {@code next} directly follows {@code previous} in a numbered outline: the
     * first child ({@code 4.2 -> 4.2.1}), the next sibling ({@code 4.2 -> 4.3}) or the
     * next sibling of an ancestor ({@code 4.2.1 -> 5}); also the first appendix after any
     * chapter.
     */
    static boolean directlyFollows(List<Integer> previous, List<Integer> next) {
        if (next.size() == previous.size() + 1 && next.subList(0, previous.size()).equals(previous)
                && next.get(next.size() - 1) == 1) {
            return true;
        }
        if (next.size() <= previous.size()) {
            int last = next.size() - 1;
            if (next.subList(0, last).equals(previous.subList(0, last)) && next.get(last) == previous.get(last) + 1) {
                return true;
            }
        }
        return next.get(0) == APPENDIX_BASE + 1 && previous.get(0) < APPENDIX_BASE
                && (next.size() == 1 || next.size() == 2 && next.get(1) == 1);
    }

    /**
     * Whether {@code next} comes after {@code previous} in document order
     * (lexicographically greater).
     */
    static boolean comesAfter(List<Integer> previous, List<Integer> next) {
        int common = Math.min(previous.size(), next.size());
        for (int i = 0; i < common; i++) {
            int compared = Integer.compare(next.get(i), previous.get(i));
            if (compared != 0) {
                return compared > 0;
            }
        }
        return next.size() > previous.size();
    }

    /**
     * Whether a numbered outline can plausibly start with {@code parts} (1, 1.1, 0,
     * Appendix A, ...).
     */
    static boolean isFirst(List<Integer> parts) {
        for (int i = 0; i < parts.size(); i++) {
            int part = parts.get(i);
            boolean first = part == 1 || part == 0 || i == 0 && part == APPENDIX_BASE + 1;
            if (!first) {
                return false;
            }
        }
        return true;
    }

    private static int ordinal(String id) {
        String upper = id.toUpperCase(Locale.ROOT);
        if (upper.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(upper);
        }
        if (upper.length() == 1) {
            // a lone I, V or X is a letter here: "Appendix I" is rarer than the ninth
            // appendix
            return upper.charAt(0) - 'A' + 1;
        }
        int value = 0;
        int largest = 0;
        for (int i = upper.length() - 1; i >= 0; i--) {
            int digit = switch (upper.charAt(i)) {
                case 'I' -> 1;
                case 'V' -> 5;
                case 'X' -> 10;
                default -> 0;
            };
            if (digit == 0) {
                return -1;
            }
            value += digit < largest ? -digit : digit;
            largest = Math.max(largest, digit);
        }
        return value;
    }
}
