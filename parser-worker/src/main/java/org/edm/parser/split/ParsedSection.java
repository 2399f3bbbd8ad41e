package org.edm.parser.split;

import org.jspecify.annotations.Nullable;

/**
 * One section of a document.
 *
 * @param orderIndex position in reading order, 0-based and gap-free
 * @param level depth in the heading tree, 1 = top level
 * @param parentIndex {@code orderIndex} of the enclosing section, {@code null} for a
 * top-level section; always smaller than {@code orderIndex}
 * @param title the heading as printed (whitespace normalised)
 * @param content the section's own text up to the next heading (not including
 * subsections), lines separated by {@code '\n'}; may be empty
 * @param pageNumber 1-based page on which the section starts, {@code null} when unknown
 */
public record ParsedSection(int orderIndex, int level, @Nullable Integer parentIndex, String title, String content,
        @Nullable Integer pageNumber) {
}
