package org.edm.parser.split;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a document's lines at its headings into sections: each section gets the lines from
 * its heading to the next heading, without the heading's own lines, the removed lines
 * (headers, footers, contents) and with words hyphenated across lines rejoined. Text
 * before the first heading becomes a first, level-1 section.
 */
final class SectionAssembler {

    static final String PREAMBLE = "Preamble";

    private SectionAssembler() {
    }

    /**
     * @param headings in reading order, {@code line} non-decreasing
     * @param preambleTitle title of the section holding the text before the first heading
     */
    static List<ParsedSection> assemble(DocumentLines document, BitSet removed, List<Heading> headings,
            String preambleTitle) {
        List<ParsedSection> sections = new ArrayList<>();
        int firstStart = headings.isEmpty() ? document.size() : headings.get(0).line();
        List<String> preamble = keptLines(document, removed, 0, firstStart);
        if (!preamble.isEmpty()) {
            int page = firstKeptPage(document, removed, 0, firstStart);
            sections.add(new ParsedSection(0, 1, null, preambleTitle, joinLines(preamble), page));
        }
        // the preamble is nobody's parent: it is the cover, not a chapter
        Deque<ParsedSection> open = new ArrayDeque<>();
        for (int i = 0; i < headings.size(); i++) {
            Heading heading = headings.get(i);
            int start = heading.line();
            int end = i + 1 < headings.size() ? Math.max(start, headings.get(i + 1).line()) : document.size();
            int contentStart = Math.min(end, start + heading.lineCount());
            String content = joinLines(keptLines(document, removed, contentStart, end));
            while (!open.isEmpty() && open.peek().level() >= heading.level()) {
                open.pop();
            }
            @Nullable Integer parent = open.isEmpty() ? null : open.peek().orderIndex();
            ParsedSection section = new ParsedSection(sections.size(), heading.level(), parent, heading.title(),
                    content, heading.page());
            sections.add(section);
            open.push(section);
        }
        return List.copyOf(sections);
    }

    private static List<String> keptLines(DocumentLines document, BitSet removed, int from, int to) {
        List<String> kept = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (!removed.get(i)) {
                kept.add(document.get(i).text());
            }
        }
        return kept;
    }

    private static @Nullable Integer firstKeptPage(DocumentLines document, BitSet removed, int from, int to) {
        int first = removed.nextClearBit(from);
        return first < to ? document.get(first).page() : null;
    }

    /**
     * Joins lines with {@code '\n'}, rejoining a word hyphenated across two lines: a
     * lowercase letter and a hyphen at the end of one line and a lowercase letter at the
     * start of the next ({@code "implemen-" + "tation"}). A hyphen before a capital or a
     * digit stays ({@code "Add-" + "Order"}).
     */
    static String joinLines(List<String> lines) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > 0) {
                if (endsWithSplitWord(joined) && startsLowercase(line)) {
                    joined.setLength(joined.length() - 1);
                }
                else {
                    joined.append('\n');
                }
            }
            joined.append(line);
        }
        return joined.toString();
    }

    private static boolean endsWithSplitWord(CharSequence text) {
        int length = text.length();
        return length >= 3 && text.charAt(length - 1) == '-' && Character.isLowerCase(text.charAt(length - 2))
                && Character.isLetter(text.charAt(length - 3));
    }

    private static boolean startsLowercase(String line) {
        return !line.isEmpty() && Character.isLowerCase(line.charAt(0));
    }

}
