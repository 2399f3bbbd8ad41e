package org.edm.parser.split;

import java.util.Locale;

/**
 * The comparable core of a heading: lowercase letters and digits only, without a leading
 * section number. Outline titles and printed headings differ in numbering ("Adding an
 * Order" vs "4.2 Adding an Order"), punctuation, tabs and dashes; their keys do not.
 */
final class TitleKey {

    private TitleKey() {
    }

    static String of(String text) {
        String core = Numbering.withoutNumber(text);
        StringBuilder key = new StringBuilder(core.length());
        core.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

}
