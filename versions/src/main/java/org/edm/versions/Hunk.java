package org.edm.versions;

/**
 * One word-level difference inside a changed section, on the normalised text (whitespace
 * collapsed, hyphenated line breaks joined, page furniture dropped, dates and version
 * strings masked as {@code <date>} and {@code <version>}).
 *
 * @param fromWord position of the first removed word in the older text (where the
 * insertion goes, when nothing is removed)
 * @param toWord position of the first added word in the newer text
 * @param removed the words only the older version has, space-separated; empty for a pure
 * insertion
 * @param added the words only the newer version has, space-separated; empty for a pure
 * deletion
 */
public record Hunk(int fromWord, int toWord, String removed, String added) {
}
