package org.edm.parser.split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The dominant style of the running text and its usual line spacing. */
record BodyStyle(float size, boolean bold, float lineGap) {

    /**
     * A line this much larger than the body text, and by this many points, is set larger.
     */
    static final float LARGER = 1.07f;
    static final float LARGER_BY_POINTS = 0.9f;

    /** Characters in a line that is likely running text. */
    private static final int PARAGRAPH_LINE = 40;

    static BodyStyle of(DocumentLines document, List<Integer> kept) {
        // running text is set in long lines without table columns; specifications often
        // hold more table text
        Map<Float, Integer> sizes = new HashMap<>();
        for (int index : kept) {
            TextLine line = document.get(index);
            if (line.wideGaps() == 0 && line.text().length() >= PARAGRAPH_LINE) {
                sizes.merge(line.fontSize(), line.text().length(), Integer::sum);
            }
        }
        if (sizes.isEmpty()) {
            for (int index : kept) {
                TextLine line = document.get(index);
                sizes.merge(line.fontSize(), line.text().length(), Integer::sum);
            }
        }
        float size = sizes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        int boldChars = 0;
        int chars = 0;
        List<Float> gaps = new ArrayList<>();
        TextLine previous = null;
        for (int index : kept) {
            TextLine line = document.get(index);
            if (Math.abs(line.fontSize() - size) < 0.3f) {
                chars += line.text().length();
                if (line.bold()) {
                    boldChars += line.text().length();
                }
                if (previous != null && previous.page() == line.page() && Math.abs(previous.fontSize() - size) < 0.3f) {
                    float gap = line.top() - previous.baseline();
                    if (gap > 0) {
                        gaps.add(gap);
                    }
                }
            }
            previous = line;
        }
        gaps.sort(null);
        // the gap between lines of one paragraph; paragraph breaks are fewer than line
        // breaks
        float lineGap = gaps.isEmpty() ? size * 0.4f : gaps.get(gaps.size() * 3 / 10);
        return new BodyStyle(size, boldChars * 2 > chars, lineGap);
    }

    boolean isStyled(TextLine line) {
        return isLarger(line) || line.bold() && !bold && line.fontSize() >= size * 0.97f;
    }

    boolean isLarger(TextLine line) {
        return line.fontSize() >= size * LARGER && line.fontSize() >= size + LARGER_BY_POINTS;
    }
}
