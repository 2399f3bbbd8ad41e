package org.edm.parser.split;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Adds to an outline the headings its author left out. Outlines are often incomplete
 * (bookmarks made to some depth only, or by hand: MoldUDP64's lacks "Request Packet" and
 * four more), and with an outline the text of a missing heading would end up in the
 * section before it. The layout detector's headings fill the gaps, but only where the two
 * agree: the detector must have found nearly every outline heading
 * ({@value #MIN_AGREEMENT} of them) on the same lines; a detected heading is added only
 * at a detected level that matched outline headings at least {@value #MIN_LEVEL_EVIDENCE}
 * times, takes the outline level those matches had, and never goes deeper than the
 * outline does. Diagram labels and table captions below the outline's depth, and
 * everything in documents where the layout and the outline disagree, stay out.
 *
 * <p>
 * Given the page lines, a heading is added only on layout evidence too
 * ({@link #onStrongEvidence}): it starts where the outline's headings start (not in a
 * table column: bold labels inside a field's description cell), it does not sit between
 * table rows without space above (group labels of a table: "NYSE Group of Exchanges"),
 * and it is not a bare label word ("Example", "Note").
 */
final class OutlineCompletion {

    static final double MIN_AGREEMENT = 0.9;
    static final int MIN_LEVEL_EVIDENCE = 2;

    /**
     * Run-in labels that specifications set bold above an example or a remark; never
     * sections of their own.
     */
    private static final Set<String> LABELS = Set.of("example", "examples", "note", "notes", "remark", "remarks",
            "important", "warning", "caution", "tip", "hint");

    private OutlineCompletion() {
    }

    /**
     * @param fromOutline the outline's headings as placed, in reading order
     * @param detected the layout detector's headings for the same lines, in reading order
     * @return the detected headings to add, with outline levels, in reading order; empty
     * when the two disagree
     */
    static List<Heading> missing(List<Heading> fromOutline, List<Heading> detected) {
        return missing(fromOutline, detected, SplitDeadline.none());
    }

    /**
     * As {@link #missing(List, List)}, checking {@code deadline} once per detected
     * heading.
     */
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
            }
            else {
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
            // the outline level most of this detected level's matches had; on a tie the
            // shallower one
            Comparator<Map.Entry<Integer, Integer>> byEvidence = Map.Entry.comparingByValue();
            Comparator<Map.Entry<Integer, Integer>> shallowerFirst = Map.Entry
                .comparingByKey(Comparator.reverseOrder());
            var level = pairs.entrySet()
                .stream()
                .filter(e -> e.getValue() >= MIN_LEVEL_EVIDENCE)
                .max(byEvidence.thenComparing(shallowerFirst));
            if (level.isPresent() && level.get().getKey() <= deepest) {
                added.add(new Heading(heading.line(), heading.lineCount(), heading.title(), level.get().getKey(),
                        heading.page()));
            }
        }
        return List.copyOf(added);
    }

    /**
     * As {@link #missing(List, List, SplitDeadline)}, keeping only the headings the page
     * layout backs ({@link #onStrongEvidence}).
     */
    static List<Heading> missing(List<Heading> fromOutline, List<Heading> detected, DocumentLines lines,
            BitSet removed) {
        List<Heading> added = missing(fromOutline, detected, lines.deadline());
        if (added.isEmpty()) {
            return added;
        }
        return added.stream().filter(heading -> onStrongEvidence(heading, fromOutline, lines, removed)).toList();
    }

    /**
     * Whether the layout backs {@code heading} as a section of its own: it starts within
     * one font size of where some outline heading starts (a label in a table's
     * description column starts far right of every heading), it is not wedged between
     * table rows without heading space above (a group label inside a table), and it is
     * not a bare label word.
     */
    static boolean onStrongEvidence(Heading heading, List<Heading> fromOutline, DocumentLines lines, BitSet removed) {
        if (heading.line() >= lines.size()) {
            return false;
        }
        TextLine line = lines.get(heading.line());
        if (LABELS.contains(TitleKey.of(heading.title()))) {
            return false;
        }
        boolean aligned = false;
        for (Heading outline : fromOutline) {
            if (outline.line() < lines.size()
                    && Math.abs(lines.get(outline.line()).left() - line.left()) <= line.fontSize()) {
                aligned = true;
                break;
            }
        }
        if (!aligned) {
            return false;
        }
        TextLine previous = neighbour(lines, removed, heading.line() - 1, -1, line.page());
        TextLine next = neighbour(lines, removed, heading.line() + Math.max(1, heading.lineCount()), 1, line.page());
        boolean betweenRows = previous != null && next != null && previous.wideGaps() > 0 && next.wideGaps() > 0
                && line.top() - previous.baseline() < line.fontSize() * 1.5f;
        return !betweenRows;
    }

    /**
     * The nearest kept line from {@code from} in direction {@code step} on {@code page},
     * or null.
     */
    private static @Nullable TextLine neighbour(DocumentLines lines, BitSet removed, int from, int step, int page) {
        for (int i = from; i >= 0 && i < lines.size(); i += step) {
            if (removed.get(i)) {
                continue;
            }
            TextLine line = lines.get(i);
            return line.page() == page ? line : null;
        }
        return null;
    }

    /**
     * The outline headings and the added ones, in reading order (an outline heading first
     * on the same line).
     */
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
     * Index of the outline heading on the same lines as {@code heading} (one line of
     * slack, the closest when two are that near: headings can be on consecutive lines),
     * or -1.
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
