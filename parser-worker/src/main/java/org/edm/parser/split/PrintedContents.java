package org.edm.parser.split;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A printed table of contents read as an outline in text, for documents without
 * bookmarks. Each contents line ("4.2 Adding an Order ........ 14") is an entry with a
 * title, the printed page number and a level. A numbered entry's level is its numbering
 * depth ({@code 4.3.2} is level 3). In contents without numbering the indentations rank
 * the levels (leftmost = 1), and without indentation the entries' type sizes do. In
 * contents that number their entries, an unnumbered entry is one level below the deepest
 * numbered ones when it is indented beyond all of them and every numbering depth from 1
 * down occurs; otherwise its level is unknown: such an entry's number is usually printed
 * apart (a hanging number the text layer lost, which also makes a depth go missing), so
 * its indentation is that of the title after the number and says nothing reliable.
 *
 * <p>
 * {@link #apply} then gives unnumbered detected headings the level of their contents
 * entry, gives unnumbered headings that no entry names the level that contents-levelled
 * headings of the same style have, and places entries the detector missed by finding
 * their title, set apart from the body text, on their printed page. Numbered headings
 * keep their numbering depth.
 */
final class PrintedContents {

    /**
     * The contents must name this many detected headings, and this share of its entries,
     * to be trusted.
     */
    static final int MIN_MATCHES = 3;
    static final double MIN_MATCHED_SHARE = 0.4;

    /** Indentations closer than this (points) are one. */
    private static final float SAME_INDENT = 3f;

    /**
     * One contents entry.
     *
     * @param title the entry as printed, without leaders and page number
     * @param key its {@link TitleKey}
     * @param level its level, 1 = top
     * @param printedPage the page number printed after it, or -1 (roman numerals, none)
     * @param levelKnown whether the contents tell its level (see the class comment)
     */
    record Entry(String title, String key, int level, int printedPage, boolean levelKnown) {
    }

    private record Raw(String title, float left, float size, boolean bold, int printedPage,
            @Nullable Numbering numbering) {
    }

    private PrintedContents() {
    }

    /**
     * The entries of the contents lines {@code contents} of {@code document}, in order.
     */
    static List<Entry> read(DocumentLines document, BitSet contents) {
        List<Raw> raws = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        float pendingLeft = Float.NaN;
        for (int i = contents.nextSetBit(0); i >= 0; i = contents.nextSetBit(i + 1)) {
            TextLine line = document.get(i);
            String text = line.text().strip();
            if (ContentsPages.isTitle(text)) {
                pending.setLength(0);
                continue;
            }
            int pageStart = pageNumberStart(text);
            int titleEnd = withoutLeaders(text, pageStart < 0 ? text.length() : pageStart);
            boolean leaders = titleEnd < (pageStart < 0 ? text.length() : pageStart);
            if (pageStart < 0 && !leaders) {
                // a title wrapped onto the next line: its first part
                if (pending.isEmpty()) {
                    pendingLeft = line.left();
                }
                pending.append(pending.isEmpty() ? "" : " ").append(text);
                continue;
            }
            String title = text.substring(0, titleEnd).strip();
            float left = line.left();
            if (!pending.isEmpty()) {
                title = pending + " " + title;
                left = pendingLeft;
                pending.setLength(0);
            }
            if (title.isEmpty() || HeadingText.CAPTION.matcher(title).find()) {
                continue;
            }
            int printedPage = -1;
            if (pageStart >= 0 && Character.isDigit(text.charAt(pageStart))) {
                printedPage = Integer.parseInt(text.substring(pageStart));
            }
            raws.add(new Raw(title, left, line.fontSize(), line.bold(), printedPage, Numbering.parse(title)));
        }
        return levelled(raws);
    }

    private static List<Entry> levelled(List<Raw> raws) {
        if (raws.isEmpty()) {
            return List.of();
        }
        // indentations, leftmost first, each with the numbering depths of its entries
        List<Float> indents = new ArrayList<>();
        raws.stream().map(Raw::left).sorted().forEach(left -> {
            if (indents.isEmpty() || left - indents.get(indents.size() - 1) > SAME_INDENT) {
                indents.add(left);
            }
        });
        long numbered = raws.stream().filter(raw -> raw.numbering() != null).count();
        boolean numberedContents = numbered >= MIN_MATCHES;
        // numbered depths 1..k all present, so no level lost its numbers, and the
        // indentation of the deepest
        int deepest = 0;
        int deepestIndent = -1;
        Set<Integer> depths = new HashSet<>();
        for (Raw raw : raws) {
            if (raw.numbering() != null) {
                depths.add(raw.numbering().depth());
                deepest = Math.max(deepest, raw.numbering().depth());
                deepestIndent = Math.max(deepestIndent, indentOf(raw.left(), indents));
            }
        }
        boolean contiguous = depths.size() == deepest;
        List<HeadingStyle> styles = raws.stream()
            .map(raw -> new HeadingStyle(Math.round(raw.size() * 2) / 2f, raw.bold()))
            .distinct()
            .sorted(HeadingStyle.PROMINENCE)
            .toList();

        List<Entry> entries = new ArrayList<>(raws.size());
        for (Raw raw : raws) {
            int indent = indentOf(raw.left(), indents);
            int level;
            if (raw.numbering() != null) {
                level = raw.numbering().depth();
            }
            else if (numberedContents) {
                // indented beyond every numbered entry, in contents that lost no level's
                // numbers: one level deeper
                level = contiguous && indent > deepestIndent ? deepest + 1 : 0;
            }
            else if (indents.size() > 1) {
                level = indent + 1;
            }
            else {
                level = styles.indexOf(new HeadingStyle(Math.round(raw.size() * 2) / 2f, raw.bold())) + 1;
            }
            entries.add(
                    new Entry(raw.title(), TitleKey.of(raw.title()), Math.max(1, level), raw.printedPage(), level > 0));
        }
        return List.copyOf(entries);
    }

    private static int indentOf(float left, List<Float> indents) {
        int best = 0;
        for (int i = 0; i < indents.size(); i++) {
            if (left >= indents.get(i) - SAME_INDENT) {
                best = i;
            }
        }
        return best;
    }

    /**
     * {@code headings} (detected, in reading order) levelled and completed by the
     * contents {@code entries}; the headings unchanged when the contents name too few of
     * them to be trusted.
     */
    static List<Heading> apply(List<Heading> headings, List<Entry> entries, DocumentLines document, BitSet removed,
            BodyStyle body) {
        if (entries.isEmpty()) {
            return headings;
        }
        // a numbered heading matches the entry with its number ("8.2 General", not an
        // unnumbered "General"
        // elsewhere), or an unnumbered entry of its title (contents whose text lost the
        // numbers)
        Map<String, Deque<Integer>> byKey = new HashMap<>();
        Map<String, Deque<Integer>> unnumberedByKey = new HashMap<>();
        for (int e = 0; e < entries.size(); e++) {
            Entry entry = entries.get(e);
            if (!entry.key().isEmpty()) {
                byKey.computeIfAbsent(numberedKey(entry.title()), k -> new ArrayDeque<>()).add(e);
                if (Numbering.parse(entry.title()) == null) {
                    unnumberedByKey.computeIfAbsent(entry.key(), k -> new ArrayDeque<>()).add(e);
                }
            }
        }
        int[] entryOf = new int[headings.size()];
        boolean[] entryUsed = new boolean[entries.size()];
        int matched = 0;
        for (int h = 0; h < headings.size(); h++) {
            String title = headings.get(h).title();
            entryOf[h] = next(byKey.get(numberedKey(title)), entryUsed);
            if (entryOf[h] < 0 && Numbering.parse(title) != null) {
                entryOf[h] = next(unnumberedByKey.get(TitleKey.of(title)), entryUsed);
            }
            if (entryOf[h] >= 0) {
                entryUsed[entryOf[h]] = true;
                matched++;
            }
        }
        if (matched < MIN_MATCHES || matched < MIN_MATCHED_SHARE * entries.size()) {
            return headings;
        }

        // the levels the contents gave to headings of each style, and where printed page
        // numbers point
        Map<HeadingStyle, Map<Integer, Integer>> levelsByStyle = new HashMap<>();
        Map<Integer, Integer> pageOffsets = new HashMap<>();
        for (int h = 0; h < headings.size(); h++) {
            if (entryOf[h] >= 0) {
                Entry entry = entries.get(entryOf[h]);
                if (!entry.levelKnown() || Numbering.parse(headings.get(h).title()) != null) {
                    if (entry.printedPage() >= 0) {
                        pageOffsets.merge(headings.get(h).page() - entry.printedPage(), 1, Integer::sum);
                    }
                    continue;
                }
                levelsByStyle
                    .computeIfAbsent(HeadingStyle.of(document.get(headings.get(h).line())), k -> new HashMap<>())
                    .merge(entry.level(), 1, Integer::sum);
                if (entry.printedPage() >= 0) {
                    pageOffsets.merge(headings.get(h).page() - entry.printedPage(), 1, Integer::sum);
                }
            }
        }

        List<Heading> result = new ArrayList<>(headings.size());
        Set<Integer> taken = new HashSet<>();
        for (int h = 0; h < headings.size(); h++) {
            Heading heading = headings.get(h);
            for (int i = heading.line(); i < heading.line() + Math.max(1, heading.lineCount()); i++) {
                taken.add(i);
            }
            int level = heading.level();
            boolean numbered = Numbering.parse(heading.title()) != null;
            if (numbered) {
                // the numbering depth decides, whatever the contents' indentation
            }
            else if (entryOf[h] >= 0 && entries.get(entryOf[h]).levelKnown()) {
                level = entries.get(entryOf[h]).level();
            }
            else if (entryOf[h] < 0) {
                Map<Integer, Integer> levels = levelsByStyle.get(HeadingStyle.of(document.get(heading.line())));
                if (levels != null) {
                    level = levels.entrySet()
                        .stream()
                        .max(Map.Entry.<Integer, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                        .orElseThrow()
                        .getKey();
                }
            }
            result.add(level == heading.level() ? heading
                    : new Heading(heading.line(), heading.lineCount(), heading.title(), level, heading.page()));
        }

        Integer offset = pageOffsets.entrySet()
            .stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(null);
        if (offset != null) {
            for (int e = 0; e < entries.size(); e++) {
                Entry entry = entries.get(e);
                if (!entryUsed[e] && entry.levelKnown() && entry.printedPage() >= 0 && !entry.key().isEmpty()) {
                    Heading placed = place(entry, entry.printedPage() + offset, document, removed, body, taken);
                    if (placed != null) {
                        taken.add(placed.line());
                        insert(result, placed);
                    }
                }
            }
        }
        return List.copyOf(result);
    }

    /**
     * The entry's heading on its page (or the next, where a heading was pushed over): a
     * kept line whose title key is the entry's, set apart from the body text (larger or
     * bolder) or numbered like the entry.
     */
    private static @Nullable Heading place(Entry entry, int page, DocumentLines document, BitSet removed,
            BodyStyle body, Set<Integer> taken) {
        for (int p = page; p <= page + 1; p++) {
            if (p < 1 || p > document.pageCount()) {
                continue;
            }
            for (int i = document.pageStart(p - 1); i < document.pageEnd(p - 1); i++) {
                if (removed.get(i) || taken.contains(i) || !entry.key().equals(document.titleKey(i))) {
                    continue;
                }
                TextLine line = document.get(i);
                Numbering numbering = Numbering.parse(line.text());
                if (body.isStyled(line) || numbering != null && numbering.depth() == entry.level()) {
                    return new Heading(i, 1, line.text(), entry.level(), line.page());
                }
            }
        }
        return null;
    }

    /**
     * The title key with the section number in front, when there is one ("8.2|general").
     */
    private static String numberedKey(String title) {
        Numbering numbering = Numbering.parse(title);
        String key = TitleKey.of(title);
        return numbering == null ? key : numbering.parts() + "|" + key;
    }

    private static int next(@Nullable Deque<Integer> candidates, boolean[] used) {
        while (candidates != null && !candidates.isEmpty()) {
            int candidate = candidates.poll();
            if (!used[candidate]) {
                return candidate;
            }
        }
        return -1;
    }

    private static void insert(List<Heading> headings, Heading heading) {
        int at = 0;
        while (at < headings.size() && headings.get(at).line() < heading.line()) {
            at++;
        }
        headings.add(at, heading);
    }

    /**
     * Where a page number (1 to 4 digits, or 1 to 6 roman numerals) after a space ends
     * {@code text} starts, or -1.
     */
    private static int pageNumberStart(String text) {
        int end = text.length();
        int start = end;
        while (start > 0 && Character.isDigit(text.charAt(start - 1)) && text.charAt(start - 1) < 128) {
            start--;
        }
        if (start == end) {
            while (start > 0 && "ivxlcIVXLC".indexOf(text.charAt(start - 1)) >= 0) {
                start--;
            }
        }
        boolean separated = start > 0 && (Character.isWhitespace(text.charAt(start - 1))
                || text.charAt(start - 1) == '.' || text.charAt(start - 1) == '\u2026');
        return start < end && end - start <= 6 && separated ? start : -1;
    }

    /**
     * The end of the title before leader dots, ellipses and spaces that end at
     * {@code end}.
     */
    private static int withoutLeaders(String text, int end) {
        int i = end;
        while (i > 0) {
            char c = text.charAt(i - 1);
            if (c == '.' || c == '\u2026' || Character.isWhitespace(c)) {
                i--;
            }
            else {
                break;
            }
        }
        // a single dot after a number ("1.") or an abbreviation is part of the title,
        // leaders are several
        return end - i >= 2 ? i : end;
    }

}
