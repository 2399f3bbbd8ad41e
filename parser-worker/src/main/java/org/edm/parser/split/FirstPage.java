package org.edm.parser.split;

import java.util.List;

/** What the first page tells about titles: a cover page, or the document title's size. */
record FirstPage(boolean cover, float titleSize) {

    /** Fewer lines than this on page 1, and more pages after it: a cover. */
    private static final int COVER_LINES = 15;

    static FirstPage of(DocumentLines document, List<Integer> kept) {
        int lines = 0;
        float largest = 0;
        for (int index : kept) {
            TextLine line = document.get(index);
            if (line.page() != 1) {
                break;
            }
            lines++;
            largest = Math.max(largest, line.fontSize());
        }
        return new FirstPage(lines < COVER_LINES && document.pageCount() > 1, largest);
    }

    /** Whether {@code line} is on the cover, or is the title line of the first page. */
    boolean isTitle(TextLine line) {
        return line.page() == 1 && (cover || line.fontSize() >= titleSize - 0.25f);
    }
}
