package org.edm.parser.split;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns accepted candidates into headings: each heading's lines (a title may wrap onto a
 * second and third line) and its level. A numbered heading's level is its number's depth;
 * an unnumbered one takes the level of numbered headings set in the same style, else one
 * below the numbered heading it follows, else its style's rank.
 */
final class HeadingLevels {

    private static final int MAX_LEVEL = 9;

    private HeadingLevels() {
    }

    /** Headings of {@code accepted} (in reading order), with their lines and levels. */
    static List<Heading> toHeadings(List<HeadingCandidate> accepted, DocumentLines document, BitSet removed,
            BodyStyle body) {
        // styles of numbered headings tell the level of unnumbered ones set the same way
        Map<HeadingStyle, Map<Integer, Integer>> depthsByStyle = new HashMap<>();
        for (HeadingCandidate candidate : accepted) {
            if (candidate.numbering() != null) {
                depthsByStyle.computeIfAbsent(HeadingStyle.of(candidate.line()), style -> new HashMap<>())
                    .merge(candidate.numbering().depth(), 1, Integer::sum);
            }
        }
        Map<HeadingStyle, Integer> levelByStyle = new HashMap<>();
        Set<HeadingStyle> unambiguous = new HashSet<>();
        depthsByStyle.forEach((style, depths) -> {
            Map.Entry<Integer, Integer> usual = depths.entrySet()
                .stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow();
            levelByStyle.put(style, usual.getKey());
            int total = depths.values().stream().mapToInt(Integer::intValue).sum();
            if (usual.getValue() * 5 >= total * 4) {
                unambiguous.add(style);
            }
        });
        List<HeadingStyle> unnumberedStyles = accepted.stream()
            .filter(candidate -> candidate.numbering() == null)
            .map(candidate -> HeadingStyle.of(candidate.line()))
            .distinct()
            .sorted(HeadingStyle.PROMINENCE)
            .toList();

        List<Heading> headings = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        HeadingCandidate lastNumbered = null;
        int lastNumberedLevel = 0;
        for (int c = 0; c < accepted.size(); c++) {
            HeadingCandidate candidate = accepted.get(c);
            if (taken.contains(candidate.index())) {
                continue;
            }
            int nextHeading = c + 1 < accepted.size() ? accepted.get(c + 1).index() : document.size();
            // a heading set like the body text cannot be told from the paragraph below
            // it: it is one line
            int lineCount = body.isStyled(candidate.line()) ? headingLines(candidate, document, removed, nextHeading)
                    : 1;
            for (int i = candidate.index(); i < candidate.index() + lineCount; i++) {
                taken.add(i);
            }
            StringBuilder title = new StringBuilder(candidate.line().text());
            for (int i = candidate.index() + 1; i < candidate.index() + lineCount; i++) {
                if (!removed.get(i)) {
                    title.append(' ').append(document.get(i).text());
                }
            }
            int level;
            HeadingStyle style = HeadingStyle.of(candidate.line());
            if (candidate.numbering() != null) {
                level = candidate.numbering().depth();
                lastNumbered = candidate;
                lastNumberedLevel = level;
            }
            else if (levelByStyle.containsKey(style) && (lastNumbered == null || unambiguous.contains(style)
                    || HeadingStyle.PROMINENCE.compare(style, HeadingStyle.of(lastNumbered.line())) < 0)) {
                // set like numbered headings of one depth: a heading of that depth that
                // has no number
                level = levelByStyle.get(style);
            }
            else if (lastNumbered != null) {
                HeadingStyle numberedStyle = HeadingStyle.of(lastNumbered.line());
                level = HeadingStyle.PROMINENCE.compare(style, numberedStyle) < 0 ? levelAbove(style, levelByStyle)
                        : lastNumberedLevel + 1;
            }
            else if (!levelByStyle.isEmpty()) {
                level = levelAbove(style, levelByStyle);
            }
            else {
                level = unnumberedStyles.indexOf(style) + 1;
            }
            headings.add(new Heading(candidate.index(), lineCount, title.toString(),
                    Math.max(1, Math.min(MAX_LEVEL, level)), candidate.line().page()));
        }
        return List.copyOf(headings);
    }

    /**
     * Level for a style more prominent than the current numbered heading: one below the
     * next more prominent.
     */
    private static int levelAbove(HeadingStyle style, Map<HeadingStyle, Integer> levelByStyle) {
        int level = 0;
        for (Map.Entry<HeadingStyle, Integer> known : levelByStyle.entrySet()) {
            if (HeadingStyle.PROMINENCE.compare(known.getKey(), style) < 0) {
                level = Math.max(level, known.getValue());
            }
        }
        Integer same = levelByStyle.get(style);
        return same != null ? same : level + 1;
    }

    /**
     * The heading's own lines: it continues onto following lines set the same way, close
     * below, unnumbered.
     */
    private static int headingLines(HeadingCandidate candidate, DocumentLines document, BitSet removed,
            int nextHeading) {
        TextLine first = candidate.line();
        int count = 1;
        int words = first.text().split(" ").length;
        TextLine previous = first;
        for (int i = candidate.index() + 1; i < nextHeading && count < 3; i++) {
            if (removed.get(i)) {
                break;
            }
            TextLine line = document.get(i);
            boolean sameStyle = line.page() == first.page() && Math.abs(line.fontSize() - first.fontSize()) < 0.3f
                    && line.bold() == first.bold();
            // a numbered heading's second line hangs under its text; an unnumbered one
            // may be a table header below
            float leading = candidate.numbering() != null ? 0.65f : 0.5f;
            boolean close = line.top() - previous.baseline() < first.fontSize() * leading;
            words += line.text().split(" ").length;
            boolean appendixTitle = candidate.numbering() != null && candidate.numbering().isAppendix()
                    && candidate.numbering().rest().isEmpty() && count == 1 && sameStyle;
            if (!appendixTitle && (!sameStyle || !close || Numbering.parse(line.text()) != null || words > 20
                    || line.wideGaps() > 0)) {
                break;
            }
            count++;
            previous = line;
        }
        return count;
    }

}
