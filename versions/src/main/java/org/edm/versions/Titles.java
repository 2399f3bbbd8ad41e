package org.edm.versions;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Titles as alignment compares them: without the section number ({@code 4.2},
 * {@code 4.2.}, {@code A.1}, {@code A.}, {@code Appendix B}, {@code Chapter 3}), version
 * strings and dates masked, lower-cased, each run of characters other than letters and
 * digits one space. {@code "4.2 Order  Entry"} and {@code "5.2 Order entry"} are the same
 * title.
 */
final class Titles {

    private static final Pattern NUMBER = Pattern.compile(
            "^(?:(?i:appendix|annex|chapter|section|part)\\s+)?(?:\\d+(?:\\.\\d+)*\\.?|[A-Z](?:\\.\\d+)+\\.?|[A-Z]\\.|[A-Z](?=\\s*$|\\s+[-\u2013:]))\\s*[-\u2013:]?\\s+");

    private static final Pattern APPENDIX = Pattern.compile("^(?i:appendix|annex)\\s+[A-Z]$");

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Titles() {
    }

    static String normalise(String title) {
        String text = Normalizer.normalize(title, Normalizer.Form.NFKC).strip();
        String stripped = NUMBER.matcher(text).replaceFirst("");
        if (!stripped.isBlank()) {
            text = stripped;
        }
        else if (APPENDIX.matcher(text).matches()) {
            text = "appendix";
        }
        text = ComparableText.mask(text);
        return NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

}
