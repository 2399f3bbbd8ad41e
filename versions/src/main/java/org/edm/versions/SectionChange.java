package org.edm.versions;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one section between two versions.
 *
 * @param kind how it differs
 * @param key its stable key in the family: the older version's key when it is aligned or
 * removed, the newly assigned one when it is added
 * @param fromIndex its {@code orderIndex} in the older version, {@code null} when added
 * @param toIndex its {@code orderIndex} in the newer version, {@code null} when removed
 * @param fromTitle its title in the older version, {@code null} when added
 * @param toTitle its title in the newer version, {@code null} when removed
 * @param hunks the word-level differences of a {@code changed} section, empty otherwise
 */
public record SectionChange(ChangeKind kind, String key, @Nullable Integer fromIndex, @Nullable Integer toIndex,
        @Nullable String fromTitle, @Nullable String toTitle, List<Hunk> hunks) {

    public SectionChange {
        hunks = List.copyOf(hunks);
    }

    /** The newer title when there is one, else the older. */
    public String title() {
        return toTitle != null ? toTitle : fromTitle != null ? fromTitle : "";
    }
}
