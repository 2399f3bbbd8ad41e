package org.edm.parser.split;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds to an outline the headings its author left out. Outlines are often incomplete (bookmarks made to some depth
 * only, or by hand: MoldUDP64's lacks "Request Packet" and four more), and with an outline the text of a missing
 * heading would end up in the section before it. The layout detector's headings fill the gaps, but only where the
 * two agree: the detector must have found nearly every outline heading ({@value #MIN_AGREEMENT} of them) on the
 * same lines; a detected heading is added only at a detected level that matched outline headings at least
 * {@value #MIN_LEVEL_EVIDENCE} times, takes the outline level those matches had, and never goes deeper than the
 * outline does. Diagram labels and table captions below the outline's depth, and everything in documents where the
 * layout and the outline disagree, stay out.
 */
final class OutlineCompletion {

    static final double MIN_AGREEMENT = 0.9;
    static final int MIN_LEVEL_EVIDENCE = 2;

    private OutlineCompletion() {
    }

    /**
     * @param fromOutline the outline's headings as placed, in reading order
     * @param detected    the layout detector's headings for the same lines, in reading order
     * @return the detected headings to add, with outline levels, in reading order; empty when the two disagree
     */
    static List<Heading> missing(List<Heading> fromOutline, List<Heading> detected) {
        return missing(fromOutline, detected, SplitDeadline.none());
    }

    /** As {@link #missing(List, List)}, checking {@code deadline} once per detected heading. */
    static List<Heading> missing(List<Heading> fromOutline, List<Heading> detected, SplitDeadline deadline) {
        if (fromOutline.isEmpty() || detected.isEmpty()) {
            return List.of();
        }
        Map<Integer, Map<Integer, Integer>> levelPairs = new HashMap<>();
        List<Heading> unmatched = new ArrayList<>();
        boolean[] outlineFound = new boolean[fromOutline.size()];
        for (Heading heading : detected) {
            deadline.check();
            int match = matching(fromOutline, heading);
            if (match < 0) {
                unmatched.add(heading);
            } else {
                outlineFound[match] = true;
                levelPairs.computeIfAbsent(heading.level(), k -> new HashMap<>())
                        .merge(fromOutline.get(match).level(), 1, Integer::sum);
            }
        }
        int found = 0;
        for (boolean f : outlineFound) {
            found += f ? 1 : 0;
        }
        if (found < MIN_AGREEMENT * fromOutline.size()) {
            return List.of();
        }
        int deepest = fromOutline.stream().mapToInt(Heading::level).max().orElse(1);
        List<Heading> added = new ArrayList<>();
        for (Heading heading : unmatched) {
            Map<Integer, Integer> pairs = levelPairs.getOrDefault(heading.level(), Map.of());
            // the outline level most of this detected level's matches had; on a tie the shallower one
            Comparator<Map.Entry<Integer, Integer>> byEvidence = Map.Entry.comparingByValue();
            Comparator<Map.Entry<Integer, Integer>> shallowerFirst =
                    Map.Entry.comparingByKey(Comparator.reverseOrder());
            var level = pairs.entrySet().stream()
                    .filter(e -> e.getValue() >= MIN_LEVEL_EVIDENCE)
                    .max(byEvidence.thenComparing(shallowerFirst));
            if (level.isPresent() && level.get().getKey() <= deepest) {
                added.add(new Heading(heading.line(), heading.lineCount(), heading.title(), level.get().getKey(),
                        heading.page()));
            }
        }
        return List.copyOf(added);
    }

    /** The outline headings and the added ones, in reading order (an outline heading first on the same line). */
    static List<Heading> merged(List<Heading> fromOutline, List<Heading> added) {
        if (added.isEmpty()) {
            return fromOutline;
        }
        List<Heading> all = new ArrayList<>(fromOutline);
        for (Heading heading : added) {
            int at = 0;
            while (at < all.size() && all.get(at).line() <= heading.line()) {
                at++;
            }
            all.add(at, heading);
        }
        return List.copyOf(all);
    }

    /**
     * Index of the outline heading on the same lines as {@code heading} (one line of slack, the closest when two
     * are that near: headings can be on consecutive lines), or -1.
     */
    private static int matching(List<Heading> fromOutline, Heading heading) {
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < fromOutline.size(); i++) {
            Heading outline = fromOutline.get(i);
            int first = outline.line() - 1;
            int last = outline.line() + Math.max(1, outline.lineCount());
            int distance = Math.abs(heading.line() - outline.line());
            if (heading.line() >= first && heading.line() <= last && distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }
}
