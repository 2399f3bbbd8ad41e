package org.edm.parser.split;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * All text lines of a document in reading order, addressable by a flat index and by page.
 * Not thread-safe.
 */
final class DocumentLines {

    private final List<PageText> pages;

    private final List<TextLine> lines;

    private final int[] pageStarts;

    private final @Nullable String[] titleKeys;

    private final SplitDeadline deadline;

    DocumentLines(List<PageText> pages) {
        this(pages, SplitDeadline.none());
    }

    /**
     * Every stage reads the lines through {@link #get} and {@link #page}, which tick
     * {@code deadline}.
     */
    DocumentLines(List<PageText> pages, SplitDeadline deadline) {
        this.deadline = deadline;
        this.pages = List.copyOf(pages);
        this.pageStarts = new int[pages.size() + 1];
        List<TextLine> all = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            pageStarts[i] = all.size();
            all.addAll(pages.get(i).lines());
        }
        pageStarts[pages.size()] = all.size();
        this.lines = List.copyOf(all);
        this.titleKeys = new String[all.size()];
    }

    List<TextLine> lines() {
        deadline.check();
        return lines;
    }

    /** The split's deadline, for stages that loop over something else than lines. */
    SplitDeadline deadline() {
        return deadline;
    }

    int size() {
        return lines.size();
    }

    TextLine get(int index) {
        deadline.tick();
        return lines.get(index);
    }

    /** The line's {@link TitleKey}, computed once. */
    String titleKey(int index) {
        String key = titleKeys[index];
        if (key == null) {
            key = TitleKey.of(lines.get(index).text());
            titleKeys[index] = key;
        }
        return key;
    }

    int pageCount() {
        return pages.size();
    }

    PageText page(int pageIndex) {
        deadline.tick();
        return pages.get(pageIndex);
    }

    /** Flat index of the first line of the page at {@code pageIndex} (0-based). */
    int pageStart(int pageIndex) {
        deadline.tick();
        return pageStarts[pageIndex];
    }

    /** Flat index just after the last line of the page at {@code pageIndex}. */
    int pageEnd(int pageIndex) {
        return pageStarts[pageIndex + 1];
    }

}
