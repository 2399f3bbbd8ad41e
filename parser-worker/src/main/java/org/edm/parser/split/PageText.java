package org.edm.parser.split;

import java.util.List;

/**
 * The text lines of one page, top to bottom.
 *
 * @param number 1-based page number
 * @param width page width in points (crop box, rotation applied)
 * @param height page height in points (crop box, rotation applied)
 * @param topEdge the crop box's top in PDF user space, to turn a destination's top
 * coordinate into a distance from the top of the page; {@link Float#NaN} for rotated
 * pages, where that is not a plain subtraction
 * @param lines lines in reading order
 * @param unreadable whether the page's content could not be parsed (its lines are then
 * empty)
 */
record PageText(int number, float width, float height, float topEdge, List<TextLine> lines, boolean unreadable) {

    PageText {
        lines = List.copyOf(lines);
    }

    /**
     * Distance from the top of the page of a y coordinate in PDF user space; NaN when
     * unknown.
     */
    float fromTop(float userSpaceY) {
        return topEdge - userSpaceY;
    }
}
