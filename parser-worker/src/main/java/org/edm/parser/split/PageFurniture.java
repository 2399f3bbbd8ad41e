package org.edm.parser.split;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds running headers, running footers and page numbers: lines near the top or bottom
 * edge of a page that repeat, modulo digits, at about the same height on several pages,
 * and lone page numbers ({@code 7}, {@code Page 3 of 40}, {@code [Page 12]},
 * {@code - iv -}).
 */
final class PageFurniture {

    /** Lines examined at each end of a page. */
    private static final int EDGE_LINES = 3;

    /** Share of the page height, from either edge, where headers and footers live. */
    private static final float EDGE_BAND = 0.2f;

    /** Points a repeated line may move up or down between pages. */
    private static final float Y_TOLERANCE = 4f;

    /**
     * Lines this much larger than the body text are matched word for word, digits
     * included.
     */
    private static final float LARGE = 1.15f;

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^[\\[(\\-\\u2013\\u2014\\s]*(?:page|p\\.|seite|pg\\.?)?\\s*(?:\\d{1,4}|(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))"
                    + "(?:\\s*(?:of|/|von)\\s*\\d{1,4})?[\\])\\-\\u2013\\u2014\\s]*$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PageFurniture() {
    }

    /** The flat indexes of furniture lines in {@code document}. */
    static BitSet detect(DocumentLines document) {
        BitSet furniture = new BitSet(document.size());
        float bodySize = dominantSize(document);
        Map<String, List<Candidate>> byText = new HashMap<>();
        int pagesWithText = 0;
        for (int p = 0; p < document.pageCount(); p++) {
            int start = document.pageStart(p);
            int end = document.pageEnd(p);
            if (start == end) {
                continue;
            }
            pagesWithText++;
            float height = document.page(p).height();
            for (int i = start; i < end; i++) {
                boolean edge = i < start + EDGE_LINES || i >= end - EDGE_LINES;
                TextLine line = document.get(i);
                boolean inBand = line.top() < height * EDGE_BAND || line.baseline() > height * (1 - EDGE_BAND);
                if (!edge || !inBand) {
                    continue;
                }
                if (PAGE_NUMBER.matcher(line.text()).matches()) {
                    furniture.set(i);
                    continue;
                }
                // large lines at the top are more often headings ("2 Chapter 2"): those
                // must repeat word for word
                String key = line.fontSize() > bodySize * LARGE ? "=" + line.text() : key(line.text());
                byText.computeIfAbsent(key, k -> new ArrayList<>()).add(new Candidate(i, p, line.middle()));
            }
        }
        int minimumPages = Math.max(2, Math.min(3, pagesWithText / 3));
        for (List<Candidate> candidates : byText.values()) {
            if (candidates.size() < minimumPages) {
                continue;
            }
            // the same text at about the same height on enough pages
            candidates.sort((a, b) -> Float.compare(a.middle(), b.middle()));
            int from = 0;
            for (int to = 1; to <= candidates.size(); to++) {
                boolean clusterEnds = to == candidates.size()
                        || candidates.get(to).middle() - candidates.get(to - 1).middle() > Y_TOLERANCE;
                if (clusterEnds) {
                    List<Candidate> cluster = candidates.subList(from, to);
                    if (cluster.stream().mapToInt(Candidate::page).distinct().count() >= minimumPages) {
                        cluster.forEach(candidate -> furniture.set(candidate.line()));
                    }
                    from = to;
                }
            }
        }
        return furniture;
    }

    private static float dominantSize(DocumentLines document) {
        Map<Float, Integer> sizes = new HashMap<>();
        for (TextLine line : document.lines()) {
            sizes.merge(line.fontSize(), line.text().length(), Integer::sum);
        }
        return sizes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
    }

    private static String key(String text) {
        String digitless = DIGITS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("#");
        return SPACES.matcher(digitless).replaceAll(" ").strip();
    }

    private record Candidate(int line, int page, float middle) {
    }

}
