package org.edm.parser.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Numbered headings ({@code 4}, {@code 4.2.1}, {@code 1.}, {@code Appendix A},
 * {@code A.1}): which lines may be one ({@link #candidate}), and the best-scoring
 * ascending sequence of them ({@link #bestSequence}), so that list items, table rows that
 * start with a number and leftovers of a contents page drop out.
 */
final class NumberedHeadings {

    private static final int MAX_WORDS_STYLED = 14;

    private static final int MAX_WORDS_PLAIN = 10;

    private static final int MAX_CHARS = 100;

    /** How far back the numbered-sequence search looks for a predecessor. */
    private static final int SEQUENCE_WINDOW = 600;

    private NumberedHeadings() {
    }

    /**
     * The line as a numbered heading candidate, or null when its text or layout rules it
     * out.
     */
    static @Nullable HeadingCandidate candidate(int index, TextLine line, Numbering numbering, boolean styled,
            boolean spaced, @Nullable TextLine next, BodyStyle body) {
        String rest = numbering.rest();
        if (numbering.isAppendix() && numbering.depth() == 1 && rest.isEmpty()) {
            // "Appendix A" alone on its line, its title on the next
            return styled || spaced ? new HeadingCandidate(index, line, numbering, score(styled, spaced, line), styled)
                    : null;
        }
        if (rest.isEmpty() || !HeadingText.startsLikeTitle(rest) || line.text().length() > MAX_CHARS) {
            return null;
        }
        if (!plausibleNumber(numbering)) {
            return null;
        }
        String[] words = rest.split(" ");
        if (words.length > (styled ? MAX_WORDS_STYLED : MAX_WORDS_PLAIN)) {
            return null;
        }
        char last = rest.charAt(rest.length() - 1);
        if (last == ',' || last == ';' || last == '.' && !styled) {
            return null;
        }
        int columns = line.wideGaps() - (line.firstGap() > TextLine.WIDE_GAP ? 1 : 0);
        if (columns > 0 || HeadingText.numericTokens(words) >= (styled ? 2 : 1)) {
            return null;
        }
        if (HeadingText.MONTH.matcher(rest).matches() || HeadingText.looksLikeSentence(rest)) {
            return null;
        }
        if (!styled && !spaced) {
            return null;
        }
        if (!styled && line.fontSize() < body.size() * 0.9f) {
            // small print (footnotes, table notes) is not a heading unless it stands out
            return null;
        }
        if (next != null && next.page() == line.page() && Math.abs(next.top() - line.top()) < 0.5f) {
            return null;
        }
        return new HeadingCandidate(index, line, numbering, score(styled, spaced, line), styled);
    }

    private static float score(boolean styled, boolean spaced, TextLine line) {
        float score = 1f;
        if (styled) {
            score += 2f;
        }
        if (spaced) {
            score += 0.75f;
        }
        if (line.text().length() > 60) {
            score -= 0.5f;
        }
        return score;
    }

    private static boolean plausibleNumber(Numbering numbering) {
        List<Integer> parts = numbering.parts();
        if (parts.size() > 6) {
            return false;
        }
        int first = parts.get(0);
        if (first > 60 && first < Numbering.APPENDIX_BASE) {
            return false;
        }
        for (int i = 1; i < parts.size(); i++) {
            if (parts.get(i) > 150) {
                return false;
            }
        }
        return true;
    }

    /**
     * The highest-scoring run of numbered candidates whose numbers ascend. Direct
     * successors cost nothing, other ascending steps cost a penalty that only candidates
     * that stand out can pay.
     */
    static List<HeadingCandidate> bestSequence(List<HeadingCandidate> candidates) {
        int count = candidates.size();
        if (count == 0) {
            return List.of();
        }
        float[] best = new float[count];
        int[] previous = new int[count];
        Arrays.fill(previous, -1);
        int bestEnd = -1;
        for (int j = 0; j < count; j++) {
            HeadingCandidate candidate = candidates.get(j);
            List<Integer> parts = candidate.numbering().parts();
            float skip = candidate.styled() ? 1.5f : 3f;
            float start = Numbering.isFirst(parts) ? 0f : -skip;
            float bestBefore = start;
            int from = Math.max(0, j - SEQUENCE_WINDOW);
            for (int i = from; i < j; i++) {
                List<Integer> earlier = candidates.get(i).numbering().parts();
                float step;
                if (Numbering.directlyFollows(earlier, parts)) {
                    step = 0f;
                }
                else if (Numbering.comesAfter(earlier, parts)) {
                    step = -skip;
                }
                else {
                    continue;
                }
                if (best[i] + step > bestBefore) {
                    bestBefore = best[i] + step;
                    previous[j] = i;
                }
            }
            best[j] = candidate.score() + bestBefore;
            if (bestEnd < 0 || best[j] > best[bestEnd]) {
                bestEnd = j;
            }
        }
        List<HeadingCandidate> sequence = new ArrayList<>();
        for (int j = bestEnd; j >= 0; j = previous[j]) {
            sequence.add(candidates.get(j));
        }
        Collections.reverse(sequence);
        boolean convincing = sequence.size() >= 2 || sequence.get(0).styled();
        return convincing ? sequence : List.of();
    }

}
