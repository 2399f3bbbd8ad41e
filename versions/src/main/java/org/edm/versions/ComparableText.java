package org.edm.versions;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The text of one version's sections as the comparison sees it: what differs only in
 * layout, page furniture or the printed date and version is made equal.
 *
 * <ol>
 * <li>Unicode compatibility forms (NFKC), soft hyphens dropped.</li>
 * <li>Lines that are only a page number ({@code 12}, {@code - 12 -}, {@code Page 12},
 * {@code Page 3 of 40}, {@code 3/40}) are dropped.</li>
 * <li>Dates ({@code 2024-03-01}, {@code 01.03.2024}, {@code 1 March 2024},
 * {@code March 1, 2024}, {@code March 2024}) become {@code <date>}; version strings
 * ({@code v13.1}, {@code Version 13.1}, {@code Release 13.1}, and the compared versions'
 * own labels standing alone) become {@code <version>}; references such as
 * {@code section 4.2} lose their number.</li>
 * <li>Running headers and footers: a line (digits ignored) that occurs at least three
 * times in the document and either carries a date, version or page marker or occurs in at
 * least 30% of the sections (of ten or more) is dropped.</li>
 * <li>A line ending in a letter and a hyphen, followed by one starting with a lower-case
 * letter, is joined without the hyphen; whitespace collapses; the text is cut into
 * words.</li>
 * </ol>
 * Words compare by a key without hyphens between letters, so {@code order-entry} equals
 * {@code orderentry} (a hyphenated line break joined in one version, not in the other).
 */
final class ComparableText {

    static final String DATE = "<date>";
    static final String VERSION = "<version>";

    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

    private static final Pattern[] DATES = { Pattern.compile("\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b"),
            Pattern.compile("\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b"),
            Pattern.compile("(?i)\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+" + MONTH + ",?\\s+\\d{4}\\b"),
            Pattern.compile("(?i)\\b" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b"),
            Pattern.compile("(?i)\\b" + MONTH + ",?\\s+\\d{4}\\b"), };

    /** Every month's name, as {@link #MONTH} matches it, starts with one of these. */
    private static final String[] MONTH_PREFIXES = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec" };

    /** {@link #REFERENCE}'s words. */
    private static final String[] REFERENCE_WORDS = { "section", "chapter", "appendix", "annex", "table", "figure" };

    private static final Pattern VERSIONS = Pattern
        .compile("(?i)\\b(?:v|version\\s*|release\\s*|rev\\.?\\s*|revision\\s*)\\d+(?:\\.\\d+)*(?:\\.[a-z]\\b)?");

    private static final Pattern REFERENCE = Pattern
        .compile("(?i)\\b(section|chapter|appendix|annex|table|figure)\\s+(?:[A-Z]|\\d+)(?:\\.\\d+)*\\b");

    private static final Pattern PAGE_NUMBER = Pattern
        .compile("(?i)(?:page\\s*)?[-\u2013\u2014]?\\s*\\d{1,4}\\s*[-\u2013\u2014]?(?:\\s*(?:of|/)\\s*\\d{1,4})?");

    private static final Pattern MARKED = Pattern.compile("(?i)<date>|<version>|\\bpage\\b");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final Pattern INNER_HYPHEN = Pattern.compile("(?<=\\p{L})-(?=\\p{L})");

    private ComparableText() {
    }

    /** Each section's words, by {@code orderIndex}. */
    static List<List<String>> words(List<Section> sections) {
        return words(sections, new String[0]);
    }

    /**
     * Each section's words, by {@code orderIndex}, with the given version labels (e.g.
     * {@code 13.0} and {@code 13.1}, those with a digit and at least three characters)
     * masked wherever they stand alone.
     */
    static List<List<String>> words(List<Section> sections, String... versions) {
        List<OwnLabel> own = new ArrayList<>();
        for (String version : versions) {
            OwnLabel label = OwnLabel.of(version);
            if (label != null) {
                own.add(label);
            }
        }
        List<List<String>> lines = new ArrayList<>(sections.size());
        List<List<String>> shapes = new ArrayList<>(sections.size());
        Map<String, Integer> occurrences = new HashMap<>();
        Map<String, Set<Integer>> sectionsWith = new HashMap<>();
        for (Section section : sections) {
            List<String> kept = new ArrayList<>();
            List<String> keptShapes = new ArrayList<>();
            for (String raw : section.body().split("\n")) {
                String line = mask(Normalizer.normalize(raw, Normalizer.Form.NFKC).replace("\u00ad", "").strip());
                if (line.isEmpty() || PAGE_NUMBER.matcher(line).matches()) {
                    continue;
                }
                kept.add(line);
                String shape = shape(line);
                keptShapes.add(shape);
                occurrences.merge(shape, 1, Integer::sum);
                sectionsWith.computeIfAbsent(shape, s -> new HashSet<>()).add(section.orderIndex());
            }
            lines.add(kept);
            shapes.add(keptShapes);
        }
        int widespread = sections.size() >= 10 ? (int) Math.ceil(sections.size() * 0.3) : Integer.MAX_VALUE;
        List<List<String>> words = new ArrayList<>(sections.size());
        for (int s = 0; s < lines.size(); s++) {
            List<String> sectionLines = lines.get(s);
            StringBuilder text = new StringBuilder();
            for (int l = 0; l < sectionLines.size(); l++) {
                String line = sectionLines.get(l);
                String shape = shapes.get(s).get(l);
                int count = occurrences.get(shape);
                if (count >= 3 && (MARKED.matcher(line).find() || sectionsWith.get(shape).size() >= widespread)) {
                    continue;
                }
                if (endsInHyphenatedWord(text) && Character.isLowerCase(line.charAt(0))) {
                    text.setLength(text.length() - 1);
                }
                else if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(line);
            }
            // masked again as a whole: a date or reference may have been broken over two
            // lines
            String joined = mask(WHITESPACE.matcher(text).replaceAll(" ").strip());
            for (OwnLabel label : own) {
                joined = label.mask(joined);
            }
            words.add(joined.isEmpty() ? List.of() : List.of(joined.split(" ")));
        }
        return words;
    }

    /** A compared version's own label, masked where it stands alone. */
    private record OwnLabel(String label, Pattern standingAlone) {

        static @Nullable OwnLabel of(String version) {
            String label = version.strip();
            if (label.length() > 1 && (label.charAt(0) == 'v' || label.charAt(0) == 'V')) {
                label = label.substring(1);
            }
            if (label.length() < 3 || !hasDigit(label)) {
                return null;
            }
            return new OwnLabel(label, Pattern
                .compile("(?<![\\p{L}\\p{N}.])[vV]?" + Pattern.quote(label) + "(?![\\p{L}\\p{N}]|\\.\\p{N})"));
        }

        String mask(String text) {
            return text.contains(this.label) ? this.standingAlone.matcher(text).replaceAll(VERSION) : text;
        }

    }

    /** The key two words compare by: hyphens between letters ignored. */
    static String key(String word) {
        return word.indexOf('-') < 0 ? word : INNER_HYPHEN.matcher(word).replaceAll("");
    }

    /**
     * Masks dates, version strings and reference numbers. Each pattern runs only where a
     * plain search finds what it cannot match without (a separator, a month's name, a
     * 'v', a reference word): most lines of a specification carry a digit, few carry any
     * of these, and the patterns cost most of a comparison's time.
     */
    static String mask(String line) {
        if (!hasDigit(line)) {
            return line;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        String masked = line;
        if (line.indexOf('-') >= 0) {
            masked = DATES[0].matcher(masked).replaceAll(DATE);
        }
        if (line.indexOf('.') >= 0 || line.indexOf('/') >= 0) {
            masked = DATES[1].matcher(masked).replaceAll(DATE);
        }
        if (hasYearAfterSpace(line) && containsAny(lower, MONTH_PREFIXES)) {
            for (int i = 2; i < DATES.length; i++) {
                masked = DATES[i].matcher(masked).replaceAll(DATE);
            }
        }
        if (mayHoldVersion(lower)) {
            masked = VERSIONS.matcher(masked).replaceAll(VERSION);
        }
        if (containsAny(lower, REFERENCE_WORDS)) {
            masked = REFERENCE.matcher(masked).replaceAll("$1 #");
        }
        return masked;
    }

    /**
     * Whether four ASCII digits follow whitespace somewhere: the year every date with a
     * month's name ends in.
     */
    private static boolean hasYearAfterSpace(String line) {
        for (int i = 1; i + 3 < line.length(); i++) {
            if (Character.isWhitespace(line.charAt(i - 1)) && isAsciiDigit(line.charAt(i))
                    && isAsciiDigit(line.charAt(i + 1)) && isAsciiDigit(line.charAt(i + 2))
                    && isAsciiDigit(line.charAt(i + 3))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a digit follows, across whitespace and dots, a 'v', 'n' or 'e': the last
     * letters of {@link #VERSIONS}' words (v, version, release, rev, revision).
     */
    private static boolean mayHoldVersion(String lower) {
        for (int i = 1; i < lower.length(); i++) {
            if (!isAsciiDigit(lower.charAt(i))) {
                continue;
            }
            int before = i - 1;
            while (before >= 0 && (Character.isWhitespace(lower.charAt(before)) || lower.charAt(before) == '.')) {
                before--;
            }
            if (before >= 0) {
                char letter = lower.charAt(before);
                if (letter == 'v' || letter == 'n' || letter == 'e') {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean containsAny(String text, String[] words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsInHyphenatedWord(StringBuilder text) {
        int n = text.length();
        return n >= 2 && text.charAt(n - 1) == '-' && Character.isLetter(text.charAt(n - 2));
    }

    private static boolean hasDigit(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isDigit(line.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The line lower-cased, each run of ASCII digits one {@code #}. */
    private static String shape(String line) {
        StringBuilder shape = new StringBuilder(line.length());
        boolean inDigits = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean digit = isAsciiDigit(c);
            if (!digit) {
                shape.append(c);
            }
            else if (!inDigits) {
                shape.append('#');
            }
            inDigits = digit;
        }
        return shape.toString().toLowerCase(Locale.ROOT);
    }

}
