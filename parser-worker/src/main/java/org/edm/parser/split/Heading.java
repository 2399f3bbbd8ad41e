package org.edm.parser.split;

/**
 * A heading placed in a document's line stream: its section starts at {@link #line()}.
 *
 * @param line flat index of the first line of the section (the heading's own line when it
 * has one); may be the number of lines, for a section that starts after the last line
 * @param lineCount how many lines from {@code line} print the heading itself (left out of
 * the content)
 * @param title the section's title
 * @param level depth in the heading tree, 1 = top level
 * @param page 1-based page on which the section starts
 */
record Heading(int line, int lineCount, String title, int level, int page) {
}
