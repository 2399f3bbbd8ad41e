package org.edm.parser.split;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Rules on a line's text and its neighbours that tell a heading from running text, table
 * cells, captions and dates. Each rule looks at one line (and the lines around it), never
 * at the rest of the document.
 */
final class HeadingText {

    static final Pattern CAPTION = Pattern.compile(
            "^(?:figure|fig\\.|table|exhibit|diagram|chart|listing|example)\\s*[-\\d(:]", Pattern.CASE_INSENSITIVE);
    static final Pattern MONTH = Pattern.compile(
            "^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?(?:\\s+\\d{1,2},?)?\\s+\\d{2,4}\\b.*",
            Pattern.CASE_INSENSITIVE);
    static final Pattern DATE_LIKE = Pattern
        .compile("^\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}$|^\\d{1,2}(?:st|nd|rd|th)?\\s+\\p{L}+,?\\s+\\d{4}$");
    static final Pattern NUMBER_TOKEN = Pattern.compile("^[-+]?\\d[\\d,.]*$");

    private HeadingText() {
    }

    static boolean startsLikeTitle(String text) {
        int first = text.codePointAt(0);
        return Character.isUpperCase(first) || Character.isDigit(first) || first == '"' || first == '\u201c'
                || first == '\'' || Character.isLetter(first) && !Character.isLowerCase(first);
    }

    static int numericTokens(String[] words) {
        int count = 0;
        for (String word : words) {
            if (NUMBER_TOKEN.matcher(word).matches()) {
                count++;
            }
        }
        return count;
    }

    /** Several lowercase function words in a row read as running text, not a title. */
    static boolean looksLikeSentence(String text) {
        String[] words = text.split(" ");
        if (words.length < 7) {
            return false;
        }
        int lowercase = 0;
        for (String word : words) {
            if (!word.isEmpty() && Character.isLowerCase(word.codePointAt(0))) {
                lowercase++;
            }
        }
        return lowercase * 10 >= words.length * 7;
    }

    /**
     * Whether the line's text reads like an unnumbered heading: short, a title's start
     * and end, no table cells.
     */
    static boolean isUnnumberedHeadingText(TextLine line) {
        String text = line.text();
        if (text.length() > 80 || text.length() < 2) {
            return false;
        }
        String[] words = text.split(" ");
        if (words.length > 12) {
            return false;
        }
        int letters = (int) text.codePoints().filter(Character::isLetter).count();
        if (letters < 2 || letters * 2 < text.replace(" ", "").length()) {
            return false;
        }
        if (!startsLikeTitle(text)) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        if (last == '.' || last == ',' || last == ';' || last == ':' || last == '=') {
            return false;
        }
        if (line.wideGaps() > 0 || numericTokens(words) >= 2
                || NUMBER_TOKEN.matcher(words[words.length - 1]).matches()) {
            return false;
        }
        if (text.chars().filter(c -> c == ',').count() >= 2) {
            return false;
        }
        if (CAPTION.matcher(text).find() || MONTH.matcher(text).matches() || DATE_LIKE.matcher(text).matches()) {
            return false;
        }
        if (text.startsWith("\u2022") || text.startsWith("- ") || text.startsWith("* ")) {
            return false;
        }
        return !looksLikeSentence(text);
    }

    /**
     * A bold line of body size right above a table is the table's caption ("Enter Order"
     * over its field list): taking it as a heading would separate the table from the
     * section it documents.
     */
    static boolean isCaptionOfTable(TextLine line, @Nullable TextLine next, BodyStyle body) {
        return next != null && next.page() == line.page() && next.wideGaps() >= 2
                && next.top() - line.baseline() < line.fontSize() * 2.5f && !body.isLarger(line);
    }

    /**
     * Whether {@code line} is the tail of a sentence begun on the previous line (e.g.
     * bold words wrapping).
     */
    static boolean continuesSentence(@Nullable TextLine previous, TextLine line, BodyStyle body) {
        if (previous == null || previous.page() != line.page()) {
            return false;
        }
        String text = previous.text();
        char last = text.charAt(text.length() - 1);
        boolean open = Character.isLetter(last) && Character.isLowerCase(last) || last == ',';
        return open && previous.fontSize() == line.fontSize() && previous.bold() == line.bold()
                && line.top() - previous.baseline() < body.lineGap() * 1.5f + 1f;
    }

    static boolean isSpacedAbove(TextLine line, @Nullable TextLine previous, BodyStyle body) {
        if (previous == null || previous.page() != line.page()) {
            return true;
        }
        float gap = line.top() - previous.baseline();
        return gap >= Math.max(body.lineGap() * 1.4f, line.fontSize() * 0.5f);
    }

}
