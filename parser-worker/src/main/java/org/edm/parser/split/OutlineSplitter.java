package org.edm.parser.split;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Places outline entries in the line stream: each entry's section starts at its heading
 * line on the destination page (found by its title, near the destination's top coordinate
 * when there is one), or at the destination's top coordinate, or at the top of the page.
 * Entries without a usable destination are found by title between their neighbours, or
 * placed at the next entry's position with no content of their own. Placement is kept in
 * reading order so no text is given to two sections.
 */
final class OutlineSplitter {

    /** Lines a wrapped heading may span. */
    private static final int MAX_HEADING_LINES = 3;

    /**
     * Kept lines after a destination's coordinate where its heading may still be printed.
     */
    private static final int LOOK_AHEAD_LINES = 4;

    private static final Pattern CONTENTS_TITLE = Pattern.compile("^(?:table\\s+of\\s+)?contents?$",
            Pattern.CASE_INSENSITIVE);

    private OutlineSplitter() {
    }

    static List<Heading> place(List<OutlineEntry> outline, DocumentLines document, BitSet removed) {
        List<OutlineEntry> entries = withoutContentsEntries(outline);
        int count = entries.size();
        int[] starts = new int[count];
        int[] lineCounts = new int[count];
        String[] titles = new String[count];
        boolean[] placed = new boolean[count];
        int previousStart = 0;
        for (int i = 0; i < count; i++) {
            OutlineEntry entry = entries.get(i);
            titles[i] = entry.title().isEmpty() ? "(untitled)" : entry.title();
            if (!entry.placed() || entry.pageIndex() >= document.pageCount()) {
                continue;
            }
            Match match = onPage(entry, document, removed, previousStart);
            starts[i] = match.line();
            lineCounts[i] = match.lineCount();
            if (match.printedTitle() != null) {
                titles[i] = match.printedTitle();
            }
            placed[i] = true;
            previousStart = match.line();
        }
        // entries without a destination: by title between their placed neighbours, else
        // at the next one's start
        int next = document.size();
        for (int i = count - 1; i >= 0; i--) {
            if (placed[i]) {
                next = starts[i];
                continue;
            }
            int from = 0;
            for (int j = i - 1; j >= 0; j--) {
                if (placed[j]) {
                    from = starts[j] + lineCounts[j];
                    break;
                }
            }
            @Nullable Match match = byTitle(titles[i], document, removed, from, next, Float.NaN);
            if (match != null) {
                starts[i] = match.line();
                lineCounts[i] = match.lineCount();
            }
            else {
                starts[i] = next;
                lineCounts[i] = 0;
            }
            placed[i] = true;
        }
        // an entry pointing back before its predecessor gets no text: it sits where the
        // next in-order entry starts
        boolean[] backwards = new boolean[count];
        int floor = 0;
        for (int i = 0; i < count; i++) {
            backwards[i] = starts[i] < floor;
            if (!backwards[i]) {
                floor = Math.min(document.size(), starts[i] + lineCounts[i]);
            }
        }
        int following = document.size();
        for (int i = count - 1; i >= 0; i--) {
            if (backwards[i]) {
                starts[i] = following;
                lineCounts[i] = 0;
            }
            else {
                following = starts[i];
            }
        }
        List<Heading> headings = new ArrayList<>(count);
        floor = 0;
        for (int i = 0; i < count; i++) {
            int start = Math.max(starts[i], floor);
            int lineCount = start == starts[i] ? lineCounts[i] : 0;
            floor = Math.min(document.size(), start + lineCount);
            OutlineEntry entry = entries.get(i);
            int page = entry.placed() && entry.pageIndex() < document.pageCount() ? entry.pageIndex() + 1
                    : pageAt(document, start);
            headings.add(new Heading(start, lineCount, titles[i], entry.level(), page));
        }
        return List.copyOf(headings);
    }

    /** Drops childless "Contents" entries: the contents pages are not a section. */
    private static List<OutlineEntry> withoutContentsEntries(List<OutlineEntry> outline) {
        List<OutlineEntry> kept = new ArrayList<>(outline.size());
        for (int i = 0; i < outline.size(); i++) {
            OutlineEntry entry = outline.get(i);
            boolean hasChildren = i + 1 < outline.size() && outline.get(i + 1).level() > entry.level();
            if (!hasChildren && CONTENTS_TITLE.matcher(entry.title()).matches()) {
                continue;
            }
            kept.add(entry);
        }
        return kept;
    }

    private static Match onPage(OutlineEntry entry, DocumentLines document, BitSet removed, int previousStart) {
        int pageIndex = entry.pageIndex();
        PageText page = document.page(pageIndex);
        int from = document.pageStart(pageIndex);
        int to = document.pageEnd(pageIndex);
        float target = Float.isNaN(entry.top()) ? Float.NaN : page.fromTop(entry.top());
        if (!Float.isNaN(target) && (target < -page.height() * 0.05f || target > page.height() * 1.05f)) {
            target = Float.NaN;
        }
        // without a coordinate, the heading is the first match at or after the previous
        // entry
        int searchFrom = Float.isNaN(target) && previousStart > from && previousStart < to ? previousStart : from;
        @Nullable Match match = byTitle(entry.title(), document, removed, searchFrom, to, target);
        if (match == null && searchFrom > from) {
            match = byTitle(entry.title(), document, removed, from, to, target);
        }
        if (match != null) {
            return match;
        }
        int start = to;
        if (Float.isNaN(target)) {
            start = from;
        }
        else {
            for (int i = from; i < to; i++) {
                if (document.get(i).middle() > target) {
                    start = i;
                    break;
                }
            }
        }
        // a heading pushed below its anchor, often onto the next page (the anchor stayed
        // at the old page's foot)
        @Nullable Match pushed = byTitle(entry.title(), document, removed, start,
                afterKeptLines(document, removed, start, LOOK_AHEAD_LINES), Float.NaN);
        return pushed != null ? pushed : new Match(start, 0, null);
    }

    /**
     * The index just after the {@code count}-th kept line from {@code from} on (or the
     * end).
     */
    private static int afterKeptLines(DocumentLines document, BitSet removed, int from, int count) {
        int seen = 0;
        int i = from;
        while (i < document.size() && seen < count) {
            if (!removed.get(i)) {
                seen++;
            }
            i++;
        }
        return i;
    }

    /**
     * The line (or up to three consecutive lines of one page) in {@code [from, to)} that
     * print {@code title}; with a target height, the match nearest below it (a little
     * above is tolerated), else the first.
     */
    private static @Nullable Match byTitle(String title, DocumentLines document, BitSet removed, int from, int to,
            float target) {
        String key = TitleKey.of(title);
        if (key.isEmpty()) {
            return null;
        }
        @Nullable Match best = null;
        float bestDistance = Float.MAX_VALUE;
        for (int i = from; i < to; i++) {
            if (removed.get(i)) {
                continue;
            }
            int lines = spannedLines(key, document, removed, i, document.size());
            if (lines == 0) {
                continue;
            }
            int start = i;
            int number = previousKept(document, removed, i, from);
            if (number >= 0 && isBareNumber(document.get(number).text())) {
                // the section number printed on a line of its own, above the title
                start = number;
                lines += i - number;
            }
            Match match = new Match(start, lines, printedTitle(title, document, start, lines));
            if (Float.isNaN(target)) {
                return match;
            }
            TextLine line = document.get(i);
            float below = line.middle() - target;
            // destinations usually sit at or just above the heading; one a little below
            // still means this line
            float distance = below >= -line.height() * 1.5f ? Math.abs(below) : -below * 4;
            if (distance < bestDistance) {
                best = match;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * How many lines starting at {@code index} spell out {@code key}; 0 when they do not.
     */
    private static int spannedLines(String key, DocumentLines document, BitSet removed, int index, int to) {
        StringBuilder spelled = new StringBuilder();
        int page = document.get(index).page();
        for (int i = index, lines = 1; i < to && lines <= MAX_HEADING_LINES; i++) {
            if (removed.get(i)) {
                continue;
            }
            TextLine line = document.get(i);
            if (line.page() != page) {
                return 0;
            }
            spelled.append(document.titleKey(i));
            String sofar = spelled.toString();
            if (sofar.equals(key)) {
                return i - index + 1;
            }
            if (!key.startsWith(sofar) || sofar.isEmpty()) {
                return 0;
            }
            lines++;
        }
        return 0;
    }

    /**
     * The printed heading when it carries a section number the outline title lacks ("4.2
     * Adding an Order" for "Adding an Order"), else null: the number is what readers
     * search for.
     */
    private static @Nullable String printedTitle(String title, DocumentLines document, int index, int lines) {
        if (Numbering.parse(title) != null) {
            return null;
        }
        String first = document.get(index).text();
        if (Numbering.parse(first) == null) {
            return null;
        }
        StringBuilder printed = new StringBuilder(first);
        for (int i = index + 1; i < index + lines; i++) {
            printed.append(' ').append(document.get(i).text());
        }
        return printed.toString();
    }

    private static int previousKept(DocumentLines document, BitSet removed, int index, int from) {
        int page = document.get(index).page();
        for (int i = index - 1; i >= from; i--) {
            if (!removed.get(i)) {
                return document.get(i).page() == page ? i : -1;
            }
        }
        return -1;
    }

    private static boolean isBareNumber(String text) {
        Numbering numbering = Numbering.parse(text);
        return numbering != null && numbering.rest().isEmpty();
    }

    private static int pageAt(DocumentLines document, int line) {
        if (document.size() == 0) {
            return 1;
        }
        return document.get(Math.min(line, document.size() - 1)).page();
    }

    private record Match(int line, int lineCount, @Nullable String printedTitle) {
    }

}
