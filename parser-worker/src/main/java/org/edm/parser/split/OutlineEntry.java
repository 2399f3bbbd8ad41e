package org.edm.parser.split;

/**
 * One entry of a document's outline (bookmarks), flattened in reading order.
 *
 * @param title the entry's title, whitespace normalised
 * @param level depth in the outline, 1 = top level
 * @param pageIndex 0-based index of the destination page, -1 when the entry has no usable
 * destination
 * @param top the destination's top edge in PDF user space (y grows upwards),
 * {@link Float#NaN} when the destination does not say (e.g. {@code /Fit})
 */
record OutlineEntry(String title, int level, int pageIndex, float top) {

    boolean placed() {
        return pageIndex >= 0;
    }
}
