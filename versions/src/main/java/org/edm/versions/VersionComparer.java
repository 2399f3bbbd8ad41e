package org.edm.versions;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Aligns the sections of an older and a newer version and classifies each one (see
 * {@link ChangeKind}).
 *
 * <p>
 * Alignment, each pass only over the sections still unaligned:
 * <ol>
 * <li>equal title paths (normalised titles of the section and its ancestors, numbers
 * stripped), where the path is unique on both sides;</li>
 * <li>equal normalised titles, unique on both sides;</li>
 * <li>equal normalised titles among the children of two aligned parents, in order
 * (repeated titles such as {@code Fields} under each message);</li>
 * <li>content: the Jaccard similarity of the word 3-shingles of the normalised text, at
 * least {@value #SIMILAR}, best pairs first;</li>
 * <li>pass 3 again, for children of parents aligned by content;</li>
 * <li>in place: where exactly one unaligned section on each side sits between the same
 * two aligned siblings (or list end) under aligned parents, the two are aligned when
 * their shingle similarity is at least {@value #SIMILAR_IN_PLACE} or their title words'
 * at least {@value #SIMILAR}: a section rewritten and retitled where it was is one
 * {@code changed}, not a {@code removed} and an {@code added}; then pass 3 once
 * more.</li>
 * </ol>
 * Then an aligned section is {@code changed} when its normalised text differs (hunks by
 * java-diff-utils over words), else {@code renamed} when its normalised title differs,
 * else {@code moved} when its parent is not the counterpart of its old parent or it falls
 * outside the longest common subsequence of its aligned siblings, else {@code unchanged}.
 * Unaligned sections are {@code removed} or {@code added}. Because titles lose their
 * numbers and text loses page furniture, dates and version strings before comparing,
 * renumbering and re-paging change nothing.
 */
public final class VersionComparer {

    /**
     * Least Jaccard similarity of word 3-shingles for two sections with different titles
     * to be aligned.
     */
    static final double SIMILAR = 0.5;

    /**
     * Least Jaccard similarity of word 3-shingles for two sections in the same place to
     * be aligned.
     */
    static final double SIMILAR_IN_PLACE = 0.2;

    private VersionComparer() {
    }

    /**
     * Compares two versions, the older one's keys derived ({@link SectionKeys#derive}).
     */
    public static Comparison compare(List<Section> from, List<Section> to) {
        return compare(from, SectionKeys.derive(from), to);
    }

    /**
     * Compares two versions.
     * @param from the older version's sections in reading order
     * @param fromKeys the older version's section keys, by {@code orderIndex}
     * @param to the newer version's sections in reading order
     */
    public static Comparison compare(List<Section> from, List<String> fromKeys, List<Section> to) {
        return compare(from, fromKeys, "", to, "");
    }

    /**
     * Compares two versions whose version labels are known: either label standing alone
     * in either text (e.g. a bare {@code 13.1} in "applies to release 13.1", or
     * {@code 13.0} in the newer version's revision history) counts as a version string,
     * not as a change.
     * @param from the older version's sections in reading order
     * @param fromKeys the older version's section keys, by {@code orderIndex}
     * @param fromVersion the older version's label, e.g. {@code 13.0}; empty when unknown
     * @param to the newer version's sections in reading order
     * @param toVersion the newer version's label; empty when unknown
     */
    public static Comparison compare(List<Section> from, List<String> fromKeys, String fromVersion, List<Section> to,
            String toVersion) {
        if (fromKeys.size() != from.size()) {
            throw new IllegalArgumentException(fromKeys.size() + " keys for " + from.size() + " sections");
        }
        return new Run(from, fromKeys, fromVersion, to, toVersion).compare();
    }

    private static final class Run {

        private final List<Section> from;

        private final List<String> fromKeys;

        private final List<Section> to;

        private final Side older;

        private final Side newer;

        private final int[] forward;

        private final int[] backward;

        Run(List<Section> from, List<String> fromKeys, String fromVersion, List<Section> to, String toVersion) {
            this.from = from;
            this.fromKeys = fromKeys;
            this.to = to;
            // both labels on both sides: the newer version's revision history names the
            // older version too
            this.older = new Side(from, fromVersion, toVersion);
            this.newer = new Side(to, fromVersion, toVersion);
            this.forward = new int[from.size()];
            this.backward = new int[to.size()];
            Arrays.fill(forward, -1);
            Arrays.fill(backward, -1);
        }

        Comparison compare() {
            alignUnique(side -> side.paths);
            alignUnique(side -> side.titles);
            alignSiblings();
            alignByContent();
            alignSiblings();
            alignInPlace();
            alignSiblings();

            String[] inherited = new String[to.size()];
            for (int t = 0; t < to.size(); t++) {
                if (backward[t] >= 0) {
                    inherited[t] = fromKeys.get(backward[t]);
                }
            }
            List<String> toKeys = SectionKeys.complete(to, inherited);
            Set<Integer> outOfOrder = outOfOrder();

            List<List<Integer>> removedAfter = new ArrayList<>();
            for (int t = 0; t <= to.size(); t++) {
                removedAfter.add(new ArrayList<>());
            }
            int anchor = 0;
            for (int f = 0; f < from.size(); f++) {
                if (forward[f] >= 0) {
                    anchor = forward[f] + 1;
                }
                else {
                    removedAfter.get(anchor).add(f);
                }
            }
            List<SectionChange> changes = new ArrayList<>(Math.max(from.size(), to.size()));
            for (int t = 0; t <= to.size(); t++) {
                for (int f : removedAfter.get(t)) {
                    changes.add(new SectionChange(ChangeKind.REMOVED, fromKeys.get(f), f, null, from.get(f).title(),
                            null, List.of()));
                }
                if (t < to.size()) {
                    changes.add(classify(t, toKeys.get(t), outOfOrder));
                }
            }
            return new Comparison(changes, fromKeys, toKeys);
        }

        private SectionChange classify(int t, String key, Set<Integer> outOfOrder) {
            Section section = to.get(t);
            int f = backward[t];
            if (f < 0) {
                return new SectionChange(ChangeKind.ADDED, key, null, t, null, section.title(), List.of());
            }
            String fromTitle = from.get(f).title();
            if (!older.keys.get(f).equals(newer.keys.get(t))) {
                return new SectionChange(ChangeKind.CHANGED, key, f, t, fromTitle, section.title(), hunks(f, t));
            }
            ChangeKind kind = !older.titles[f].equals(newer.titles[t]) ? ChangeKind.RENAMED
                    : outOfOrder.contains(t) || !sameParent(f, t) ? ChangeKind.MOVED : ChangeKind.UNCHANGED;
            return new SectionChange(kind, key, f, t, fromTitle, section.title(), List.of());
        }

        private List<Hunk> hunks(int f, int t) {
            List<String> a = older.words.get(f);
            List<String> b = newer.words.get(t);
            List<Hunk> hunks = new ArrayList<>();
            for (AbstractDelta<String> delta : DiffUtils
                .diff(a, b, (x, y) -> ComparableText.key(x).equals(ComparableText.key(y)))
                .getDeltas()) {
                Chunk<String> source = delta.getSource();
                Chunk<String> target = delta.getTarget();
                hunks.add(new Hunk(source.getPosition(), target.getPosition(), String.join(" ", source.getLines()),
                        String.join(" ", target.getLines())));
            }
            return hunks;
        }

        private boolean sameParent(int f, int t) {
            Integer fromParent = from.get(f).parentIndex();
            Integer toParent = to.get(t).parentIndex();
            if (fromParent == null || toParent == null) {
                return fromParent == null && toParent == null;
            }
            return forward[fromParent] == toParent;
        }

        /**
         * Newer sections that fall outside the longest common subsequence of their
         * aligned siblings.
         */
        private Set<Integer> outOfOrder() {
            // siblings of each newer parent (-1 = top level) that stayed under the
            // counterpart of that parent
            Map<Integer, List<Integer>> newerOrder = new HashMap<>();
            for (int t = 0; t < to.size(); t++) {
                int f = backward[t];
                if (f >= 0 && sameParent(f, t)) {
                    Integer parent = to.get(t).parentIndex();
                    newerOrder.computeIfAbsent(parent == null ? -1 : parent, p -> new ArrayList<>()).add(t);
                }
            }
            Set<Integer> moved = new HashSet<>();
            for (List<Integer> siblings : newerOrder.values()) {
                List<Integer> olderOrder = new ArrayList<>(siblings);
                olderOrder.sort((x, y) -> Integer.compare(backward[x], backward[y]));
                if (olderOrder.equals(siblings)) {
                    continue;
                }
                for (AbstractDelta<Integer> delta : DiffUtils.diff(olderOrder, siblings).getDeltas()) {
                    moved.addAll(delta.getTarget().getLines());
                }
            }
            return moved;
        }

        private void align(int f, int t) {
            forward[f] = t;
            backward[t] = f;
        }

        private void alignUnique(Function<Side, String[]> names) {
            Map<String, Integer> olderUnique = unique(names.apply(older), forward);
            Map<String, Integer> newerUnique = unique(names.apply(newer), backward);
            for (Map.Entry<String, Integer> entry : newerUnique.entrySet()) {
                Integer f = olderUnique.get(entry.getKey());
                if (f != null && f >= 0 && entry.getValue() >= 0) {
                    align(f, entry.getValue());
                }
            }
        }

        /**
         * Name -> index of the one unaligned section with it, or -1 when several have it.
         */
        private static Map<String, Integer> unique(String[] names, int[] aligned) {
            Map<String, Integer> unique = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                if (aligned[i] < 0 && !names[i].isEmpty()) {
                    int index = i;
                    unique.merge(names[i], index, (a, b) -> -1);
                }
            }
            return unique;
        }

        private void alignSiblings() {
            Map<Integer, List<Integer>> olderChildren = children(from, forward);
            for (int t = 0; t < to.size(); t++) {
                Integer parent = to.get(t).parentIndex();
                if (backward[t] >= 0) {
                    continue;
                }
                int fromParent = parent == null ? -1 : backward[parent];
                if (parent != null && fromParent < 0) {
                    continue;
                }
                for (int f : olderChildren.getOrDefault(fromParent, List.of())) {
                    if (forward[f] < 0 && older.titles[f].equals(newer.titles[t])) {
                        align(f, t);
                        break;
                    }
                }
            }
        }

        private static Map<Integer, List<Integer>> children(List<Section> sections, int[] aligned) {
            Map<Integer, List<Integer>> children = new HashMap<>();
            for (Section section : sections) {
                if (aligned[section.orderIndex()] < 0) {
                    Integer parent = section.parentIndex();
                    children.computeIfAbsent(parent == null ? -1 : parent, p -> new ArrayList<>())
                        .add(section.orderIndex());
                }
            }
            return children;
        }

        private void alignInPlace() {
            Map<String, List<Integer>> olderGaps = gaps(from, forward, true);
            Map<String, List<Integer>> newerGaps = gaps(to, backward, false);
            for (Map.Entry<String, List<Integer>> gap : olderGaps.entrySet()) {
                List<Integer> newerCandidates = newerGaps.get(gap.getKey());
                if (gap.getValue().size() != 1 || newerCandidates == null || newerCandidates.size() != 1) {
                    continue;
                }
                int f = gap.getValue().get(0);
                int t = newerCandidates.get(0);
                if (jaccard(older.shingles.get(f), newer.shingles.get(t)) >= SIMILAR_IN_PLACE
                        || jaccard(titleWords(older.titles[f]), titleWords(newer.titles[t])) >= SIMILAR) {
                    align(f, t);
                }
            }
        }

        /**
         * The unaligned sections of one side by the place they sit in, named in the newer
         * version's terms: parent, previous and next aligned sibling (-1 for none).
         */
        private Map<String, List<Integer>> gaps(List<Section> sections, int[] aligned, boolean isOlder) {
            Map<Integer, List<Integer>> children = new HashMap<>();
            for (Section section : sections) {
                Integer parent = section.parentIndex();
                children.computeIfAbsent(parent == null ? -1 : parent, p -> new ArrayList<>())
                    .add(section.orderIndex());
            }
            Map<String, List<Integer>> gaps = new HashMap<>();
            for (Map.Entry<Integer, List<Integer>> family : children.entrySet()) {
                int parent = family.getKey();
                int parentInNewer = parent < 0 ? -1 : isOlder ? forward[parent] : parent;
                if (parent >= 0 && parentInNewer < 0) {
                    continue;
                }
                List<Integer> siblings = family.getValue();
                for (int i = 0; i < siblings.size(); i++) {
                    int index = siblings.get(i);
                    if (aligned[index] >= 0) {
                        continue;
                    }
                    int previous = -1;
                    for (int j = i - 1; j >= 0 && previous < 0; j--) {
                        previous = aligned[siblings.get(j)] >= 0 ? inNewer(siblings.get(j), isOlder) : -1;
                    }
                    int next = -1;
                    for (int j = i + 1; j < siblings.size() && next < 0; j++) {
                        next = aligned[siblings.get(j)] >= 0 ? inNewer(siblings.get(j), isOlder) : -1;
                    }
                    gaps.computeIfAbsent(parentInNewer + ":" + previous + ":" + next, g -> new ArrayList<>())
                        .add(index);
                }
            }
            return gaps;
        }

        private int inNewer(int index, boolean isOlder) {
            return isOlder ? forward[index] : index;
        }

        private static long[] titleWords(String title) {
            return title.isEmpty() ? new long[0]
                    : Arrays.stream(title.split(" ")).mapToLong(String::hashCode).distinct().toArray();
        }

        private static double jaccard(long[] a, long[] b) {
            if (a.length == 0 || b.length == 0) {
                return 0;
            }
            Set<Long> left = new HashSet<>();
            for (long value : a) {
                left.add(value);
            }
            int shared = 0;
            for (long value : b) {
                if (left.contains(value)) {
                    shared++;
                }
            }
            return (double) shared / (a.length + b.length - shared);
        }

        private void alignByContent() {
            Map<Long, List<Integer>> postings = new HashMap<>();
            for (int t = 0; t < to.size(); t++) {
                if (backward[t] < 0) {
                    for (long shingle : newer.shingles.get(t)) {
                        postings.computeIfAbsent(shingle, s -> new ArrayList<>()).add(t);
                    }
                }
            }
            if (postings.isEmpty()) {
                return;
            }
            List<double[]> candidates = new ArrayList<>();
            for (int f = 0; f < from.size(); f++) {
                long[] shingles = older.shingles.get(f);
                if (forward[f] >= 0 || shingles.length == 0) {
                    continue;
                }
                Map<Integer, Integer> common = new HashMap<>();
                for (long shingle : shingles) {
                    for (int t : postings.getOrDefault(shingle, List.of())) {
                        common.merge(t, 1, Integer::sum);
                    }
                }
                for (Map.Entry<Integer, Integer> entry : common.entrySet()) {
                    int t = entry.getKey();
                    int shared = entry.getValue();
                    double jaccard = (double) shared / (shingles.length + newer.shingles.get(t).length - shared);
                    if (jaccard >= SIMILAR) {
                        candidates.add(new double[] { jaccard, f, t });
                    }
                }
            }
            candidates.sort((a, b) -> Double.compare(b[0], a[0]));
            for (double[] candidate : candidates) {
                int f = (int) candidate[1];
                int t = (int) candidate[2];
                if (forward[f] < 0 && backward[t] < 0) {
                    align(f, t);
                }
            }
        }

    }

    /** One version's sections prepared for alignment. */
    private static final class Side {

        final String[] titles;

        final String[] paths;

        final List<List<String>> words;

        final List<List<String>> keys;

        final List<long[]> shingles;

        Side(List<Section> sections, String... versions) {
            titles = new String[sections.size()];
            paths = new String[sections.size()];
            for (int i = 0; i < sections.size(); i++) {
                Section section = sections.get(i);
                if (section.orderIndex() != i) {
                    throw new IllegalArgumentException("section at " + i + " has orderIndex " + section.orderIndex());
                }
                titles[i] = Titles.normalise(section.title());
                paths[i] = section.parentIndex() == null ? titles[i] : paths[section.parentIndex()] + " / " + titles[i];
            }
            words = ComparableText.words(sections, versions);
            keys = new ArrayList<>(words.size());
            shingles = new ArrayList<>(words.size());
            for (List<String> sectionWords : words) {
                List<String> sectionKeys = new ArrayList<>(sectionWords.size());
                for (String word : sectionWords) {
                    sectionKeys.add(ComparableText.key(word));
                }
                keys.add(sectionKeys);
                shingles.add(shingles(sectionKeys));
            }
        }

        private static long[] shingles(List<String> words) {
            if (words.isEmpty()) {
                return new long[0];
            }
            Set<Long> set = new HashSet<>();
            if (words.size() < 3) {
                set.add((long) String.join(" ", words).hashCode());
            }
            for (int i = 0; i + 3 <= words.size(); i++) {
                long h = words.get(i).hashCode();
                h = h * 1_000_003L + words.get(i + 1).hashCode();
                h = h * 1_000_003L + words.get(i + 2).hashCode();
                set.add(h);
            }
            long[] result = new long[set.size()];
            int n = 0;
            for (long value : set) {
                result[n++] = value;
            }
            return result;
        }

    }

}
