package org.edm.parser.split;

/**
 * One line of text on a page, as the text stripper saw it, with the layout facts heading
 * detection needs. Coordinates are in points from the page's top-left corner (direction
 * adjusted), so {@code top < baseline}.
 *
 * @param page 1-based page number
 * @param text the line's text, words separated by single spaces
 * @param left x of the first glyph
 * @param right x where the last glyph ends
 * @param top top of the tallest glyph
 * @param baseline the line's baseline
 * @param fontSize dominant font size in points (by character count)
 * @param bold whether most characters are in a bold font
 * @param font dominant font name (subset prefix removed), for grouping lines by style
 * @param maxGap widest gap between two words, in multiples of the font size (table
 * columns show wide gaps)
 * @param wideGaps number of gaps wider than two font sizes (columns to the right of the
 * first)
 * @param firstGap the first gap between words, in multiples of the font size (0 for a
 * single word): a wide one after a section number is a tab, not a table column
 */
record TextLine(int page, String text, float left, float right, float top, float baseline, float fontSize, boolean bold,
        String font, float maxGap, int wideGaps, float firstGap) {

    /** Gaps wider than this many font sizes separate table columns rather than words. */
    static final float WIDE_GAP = 2f;

    float middle() {
        return (top + baseline) / 2;
    }

    float height() {
        return baseline - top;
    }
}
