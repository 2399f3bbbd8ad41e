package org.edm.versions;

import org.jspecify.annotations.Nullable;

/**
 * One section of one version, as the comparison reads it.
 *
 * @param orderIndex position in reading order, 0-based and gap-free
 * ({@code sections.get(i).orderIndex() == i})
 * @param level depth in the heading tree, 1 = top level
 * @param parentIndex {@code orderIndex} of the enclosing section, {@code null} at top
 * level; smaller than {@code orderIndex}
 * @param title the heading as printed, number included
 * @param body the section's own text (not its subsections'), lines separated by
 * {@code '\n'}
 */
public record Section(int orderIndex, int level, @Nullable Integer parentIndex, String title, String body) {

    public Section {
        if (parentIndex != null && parentIndex >= orderIndex) {
            throw new IllegalArgumentException("parent " + parentIndex + " must come before section " + orderIndex);
        }
    }
}
