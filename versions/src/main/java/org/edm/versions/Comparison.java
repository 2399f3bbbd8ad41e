package org.edm.versions;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The section-level comparison of an older and a newer version.
 *
 * @param changes one entry per section of either side (aligned sections once), in the
 * newer version's reading order; a removed section follows the newer counterpart of its
 * nearest aligned predecessor
 * @param fromKeys the older version's section keys, by {@code orderIndex}
 * @param toKeys the newer version's section keys, by {@code orderIndex}: inherited from
 * the aligned older section, newly derived for added ones
 */
public record Comparison(List<SectionChange> changes, List<String> fromKeys, List<String> toKeys) {

    public Comparison {
        changes = List.copyOf(changes);
        fromKeys = List.copyOf(fromKeys);
        toKeys = List.copyOf(toKeys);
    }

    /** How many sections of each kind, every kind present (zero when none). */
    public Map<ChangeKind, Integer> counts() {
        Map<ChangeKind, Integer> counts = new EnumMap<>(ChangeKind.class);
        for (ChangeKind kind : ChangeKind.values()) {
            counts.put(kind, 0);
        }
        for (SectionChange change : changes) {
            counts.merge(change.kind(), 1, Integer::sum);
        }
        return counts;
    }

    /** The changes other than {@code unchanged}. */
    public List<SectionChange> differences() {
        return changes.stream().filter(change -> change.kind() != ChangeKind.UNCHANGED).toList();
    }
}
