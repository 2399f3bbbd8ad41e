package org.edm.parser.processing;

import java.util.List;

import org.edm.parser.split.ParsedSection;
import org.jspecify.annotations.Nullable;

/**
 * Checks the splitter's contract on the tree (gap-free order, parents before children,
 * positive levels and pages) before it reaches the database's constraints.
 */
final class SectionTreeCheck {

    private SectionTreeCheck() {
    }

    /** What is wrong with the tree, or null when nothing is. */
    static @Nullable String problem(List<ParsedSection> sections) {
        for (int i = 0; i < sections.size(); i++) {
            ParsedSection section = sections.get(i);
            if (section.orderIndex() != i) {
                return "section " + i + " has order index " + section.orderIndex();
            }
            if (section.level() < 1) {
                return "section " + i + " has level " + section.level();
            }
            Integer parent = section.parentIndex();
            if (parent != null && (parent < 0 || parent >= i)) {
                return "section " + i + " has parent index " + parent;
            }
            Integer page = section.pageNumber();
            if (page != null && page < 1) {
                return "section " + i + " has page number " + page;
            }
        }
        return null;
    }

}
