package org.edm.parser.split;

import java.util.List;

/**
 * What a successful split produces.
 *
 * @param info the document's own information
 * @param sections all sections in reading order;
 * {@code sections.get(i).orderIndex() == i}
 */
public record SplitResult(PdfInfo info, List<ParsedSection> sections) {

    public SplitResult {
        sections = List.copyOf(sections);
    }
}
