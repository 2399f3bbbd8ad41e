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
 * Finds headings from the page layout, for documents without an outline.
 *
 * <p>
 * Two kinds of heading are recognised:
 * <ul>
 * <li><b>numbered</b> ({@code 4}, {@code 4.2.1}, {@code 1.}, {@code Appendix A},
 * {@code A.1}): short lines, not table rows, that either stand out from the body text
 * (larger or bolder) or stand apart from it (space above). Of all such lines the detector
 * keeps the best-scoring sequence whose numbers ascend, preferring direct successors
 * ({@code 4.2 -> 4.3}, {@code 4.2 -> 4.2.1}, {@code 4.2.1 -> 5}): list items, table rows
 * that start with a number and leftovers of a contents page do not continue the sequence
 * and drop out. The level is the number's depth.</li>
 * <li><b>unnumbered</b>: short lines set larger or bolder than the body text, with space
 * above, that do not look like table cells, captions, dates or sentences. Their level
 * comes from their style: the level of numbered headings set in the same style, else one
 * below the numbered heading they follow, else the style's rank.</li>
 * </ul>
 * On the first page, a cover (few lines) has no unnumbered headings, and the largest line
 * is the document's title, not a section.
 *
 * <p>
 * This class only orchestrates; each part can be read, tested and tuned alone:
 * {@link BodyStyle} (the running text's size, weight and line spacing),
 * {@link HeadingText} (rules on a line's text and neighbours), {@link NumberedHeadings}
 * (numbered candidates and the ascending sequence), {@link FirstPage} (cover and title)
 * {@link HeadingLevels} (each heading's lines and level) and {@link PrintedContents} (a
 * printed table of contents as an outline in text: levels from it, and the headings it
 * names that the rest missed).
 */
final class HeadingDetector {

    private HeadingDetector() {
    }

    static List<Heading> detect(DocumentLines document, BitSet removed) {
        return detect(document, removed, new BitSet());
    }

    /**
     * Headings of {@code document}'s lines that are not {@code removed};
     * {@code contents}, the lines of a printed table of contents (part of
     * {@code removed}), levels and completes them ({@link PrintedContents}).
     */
    static List<Heading> detect(DocumentLines document, BitSet removed, BitSet contents) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < document.size(); i++) {
            if (!removed.get(i)) {
                kept.add(i);
            }
        }
        if (kept.isEmpty()) {
            return List.of();
        }
        BodyStyle body = BodyStyle.of(document, kept);
        Map<String, Integer> styledTextPages = styledTextPages(document, kept, body);
        FirstPage firstPage = FirstPage.of(document, kept);

        List<HeadingCandidate> numbered = new ArrayList<>();
        List<HeadingCandidate> unnumbered = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            int index = kept.get(k);
            TextLine line = document.get(index);
            TextLine previous = k > 0 ? document.get(kept.get(k - 1)) : null;
            TextLine next = k + 1 < kept.size() ? document.get(kept.get(k + 1)) : null;
            boolean styled = body.isStyled(line);
            boolean spaced = HeadingText.isSpacedAbove(line, previous, body);
            if (ContentsPages.isTitle(line.text())) {
                continue;
            }
            Numbering numbering = Numbering.parse(line.text());
            if (numbering != null && numbering.lettered() && !styled) {
                // "A Overview" is a lettered heading only when it looks like one;
                // unstyled it is a sentence
                numbering = null;
            }
            if (numbering != null) {
                HeadingCandidate candidate = NumberedHeadings.candidate(index, line, numbering, styled, spaced, next,
                        body);
                if (candidate != null) {
                    numbered.add(candidate);
                }
                continue;
            }
            if (styled && spaced && !firstPage.isTitle(line) && HeadingText.isUnnumberedHeadingText(line)
                    && styledTextPages.getOrDefault(line.text(), 0) < 3
                    && !HeadingText.continuesSentence(previous, line, body)
                    && !HeadingText.isCaptionOfTable(line, next, body)) {
                unnumbered.add(new HeadingCandidate(index, line, null, 0, true));
            }
        }

        if (numbered.stream().filter(HeadingCandidate::styled).count() >= 3) {
            // where section numbers stand out, a plain "3 ..." line is a list item or a
            // table row; plain
            // multi-part numbers ("5.2.1.1") still are headings set like the body text
            numbered.removeIf(candidate -> !candidate.styled() && candidate.numbering().depth() == 1);
        }
        List<HeadingCandidate> sequence = NumberedHeadings.bestSequence(numbered);
        List<HeadingCandidate> accepted = new ArrayList<>(sequence);
        accepted.addAll(unnumbered);
        accepted.sort(Comparator.comparingInt(HeadingCandidate::index));
        List<Heading> headings = HeadingLevels.toHeadings(withoutRepeatedTitles(accepted, document), document, removed,
                body);
        return PrintedContents.apply(headings, PrintedContents.read(document, contents), document, removed, body);
    }

    /**
     * How many pages each styled line's text appears on: repeated ones are table headers
     * or captions.
     */
    private static Map<String, Integer> styledTextPages(DocumentLines document, List<Integer> kept, BodyStyle body) {
        Map<String, Set<Integer>> pages = new HashMap<>();
        for (int index : kept) {
            TextLine line = document.get(index);
            if (body.isStyled(line)) {
                pages.computeIfAbsent(line.text(), text -> new HashSet<>()).add(line.page());
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        pages.forEach((text, seen) -> counts.put(text, seen.size()));
        return counts;
    }

    /**
     * Drops an unnumbered heading that repeats the heading before it ("Cancel Order
     * Reasons" under "3.3.3.1 Cancel Order Reasons"): that is a table or figure caption,
     * and a section of its own would part the table from the section it belongs to.
     */
    private static List<HeadingCandidate> withoutRepeatedTitles(List<HeadingCandidate> accepted,
            DocumentLines document) {
        List<HeadingCandidate> kept = new ArrayList<>(accepted.size());
        HeadingCandidate previous = null;
        for (HeadingCandidate candidate : accepted) {
            if (candidate.numbering() == null && previous != null
                    && candidate.line().page() - previous.line().page() <= 1) {
                String key = document.titleKey(candidate.index());
                String before = document.titleKey(previous.index());
                if (!key.isEmpty() && before.contains(key)) {
                    continue;
                }
            }
            kept.add(candidate);
            previous = candidate;
        }
        return kept;
    }

}
