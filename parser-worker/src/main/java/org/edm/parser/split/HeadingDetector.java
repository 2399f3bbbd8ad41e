package org.edm.parser.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds headings from the page layout, for documents without an outline.
 *
 * <p>Two kinds of heading are recognised:
 * <ul>
 * <li><b>numbered</b> ({@code 4}, {@code 4.2.1}, {@code 1.}, {@code Appendix A}, {@code A.1}): short lines, not
 * table rows, that either stand out from the body text (larger or bolder) or stand apart from it (space above).
 * Of all such lines the detector keeps the best-scoring sequence whose numbers ascend, preferring direct
 * successors ({@code 4.2 -> 4.3}, {@code 4.2 -> 4.2.1}, {@code 4.2.1 -> 5}): list items, table rows that start
 * with a number and leftovers of a contents page do not continue the sequence and drop out. The level is the
 * number's depth.</li>
 * <li><b>unnumbered</b>: short lines set larger or bolder than the body text, with space above, that do not look
 * like table cells, captions, dates or sentences. Their level comes from their style: the level of numbered
 * headings set in the same style, else one below the numbered heading they follow, else the style's rank.</li>
 * </ul>
 * On the first page, a cover (few lines) has no unnumbered headings, and the largest line is the document's title,
 * not a section.
 */
final class HeadingDetector {

    private static final float LARGER = 1.07f;
    private static final float LARGER_BY_POINTS = 0.9f;
    private static final int MAX_WORDS_STYLED = 14;
    private static final int MAX_WORDS_PLAIN = 10;
    private static final int MAX_CHARS = 100;
    private static final int MAX_LEVEL = 9;
    /** How far back the numbered-sequence search looks for a predecessor. */
    private static final int SEQUENCE_WINDOW = 600;

    private static final Pattern CAPTION = Pattern.compile(
            "^(?:figure|fig\\.|table|exhibit|diagram|chart|listing|example)\\s*[-\\d(:]", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH = Pattern.compile(
            "^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?(?:\\s+\\d{1,2},?)?\\s+\\d{2,4}\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_LIKE = Pattern.compile(
            "^\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}$|^\\d{1,2}(?:st|nd|rd|th)?\\s+\\p{L}+,?\\s+\\d{4}$");
    private static final Pattern NUMBER_TOKEN = Pattern.compile("^[-+]?\\d[\\d,.]*$");

    private HeadingDetector() {
    }

    static List<Heading> detect(DocumentLines document, BitSet removed) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < document.size(); i++) {
            if (!removed.get(i)) {
                kept.add(i);
            }
        }
        if (kept.isEmpty()) {
            return List.of();
        }
        BodyStyle body = BodyStyle.of(document, kept);
        Map<String, Integer> styledTextPages = styledTextPages(document, kept, body);
        FirstPage firstPage = FirstPage.of(document, kept);

        List<Candidate> numbered = new ArrayList<>();
        List<Candidate> unnumbered = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            int index = kept.get(k);
            TextLine line = document.get(index);
            TextLine previous = k > 0 ? document.get(kept.get(k - 1)) : null;
            TextLine next = k + 1 < kept.size() ? document.get(kept.get(k + 1)) : null;
            boolean styled = body.isStyled(line);
            boolean spaced = isSpacedAbove(line, previous, body);
            if (ContentsPages.isTitle(line.text())) {
                continue;
            }
            Numbering numbering = Numbering.parse(line.text());
            if (numbering != null && numbering.lettered() && !styled) {
                // "A Overview" is a lettered heading only when it looks like one; unstyled it is a sentence
                numbering = null;
            }
            if (numbering != null) {
                Candidate candidate = numberedCandidate(index, line, numbering, styled, spaced, next, body);
                if (candidate != null) {
                    numbered.add(candidate);
                }
                continue;
            }
            if (styled && spaced && !firstPage.isTitle(line) && isUnnumberedHeadingText(line)
                    && styledTextPages.getOrDefault(line.text(), 0) < 3
                    && !continuesSentence(previous, line, body) && !isCaptionOfTable(line, next, body)) {
                unnumbered.add(new Candidate(index, line, null, 0, true));
            }
        }

        if (numbered.stream().filter(Candidate::styled).count() >= 3) {
            // where section numbers stand out, a plain "3 ..." line is a list item or a table row; plain
            // multi-part numbers ("5.2.1.1") still are headings set like the body text
            numbered.removeIf(candidate -> !candidate.styled() && candidate.numbering().depth() == 1);
        }
        List<Candidate> sequence = bestSequence(numbered);
        List<Candidate> accepted = new ArrayList<>(sequence);
        accepted.addAll(unnumbered);
        accepted.sort(Comparator.comparingInt(Candidate::index));
        return toHeadings(withoutRepeatedTitles(accepted, document), document, removed, body);
    }

    private static @Nullable Candidate numberedCandidate(int index, TextLine line, Numbering numbering,
            boolean styled, boolean spaced, @Nullable TextLine next, BodyStyle body) {
        String rest = numbering.rest();
        if (numbering.isAppendix() && numbering.depth() == 1 && rest.isEmpty()) {
            // "Appendix A" alone on its line, its title on the next
            return styled || spaced ? new Candidate(index, line, numbering, score(styled, spaced, line), styled) : null;
        }
        if (rest.isEmpty() || !startsLikeTitle(rest) || line.text().length() > MAX_CHARS) {
            return null;
        }
        if (!plausibleNumber(numbering)) {
            return null;
        }
        String[] words = rest.split(" ");
        if (words.length > (styled ? MAX_WORDS_STYLED : MAX_WORDS_PLAIN)) {
            return null;
        }
        char last = rest.charAt(rest.length() - 1);
        if (last == ',' || last == ';' || last == '.' && !styled) {
            return null;
        }
        int columns = line.wideGaps() - (line.firstGap() > TextLine.WIDE_GAP ? 1 : 0);
        if (columns > 0 || numericTokens(words) >= (styled ? 2 : 1)) {
            return null;
        }
        if (MONTH.matcher(rest).matches() || looksLikeSentence(rest)) {
            return null;
        }
        if (!styled && !spaced) {
            return null;
        }
        if (!styled && line.fontSize() < body.size() * 0.9f) {
            // small print (footnotes, table notes) is not a heading unless it stands out
            return null;
        }
        if (next != null && next.page() == line.page() && Math.abs(next.top() - line.top()) < 0.5f) {
            return null;
        }
        return new Candidate(index, line, numbering, score(styled, spaced, line), styled);
    }

    private static float score(boolean styled, boolean spaced, TextLine line) {
        float score = 1f;
        if (styled) {
            score += 2f;
        }
        if (spaced) {
            score += 0.75f;
        }
        if (line.text().length() > 60) {
            score -= 0.5f;
        }
        return score;
    }

    private static boolean plausibleNumber(Numbering numbering) {
        List<Integer> parts = numbering.parts();
        if (parts.size() > 6) {
            return false;
        }
        int first = parts.get(0);
        if (first > 60 && first < Numbering.APPENDIX_BASE) {
            return false;
        }
        for (int i = 1; i < parts.size(); i++) {
            if (parts.get(i) > 150) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsLikeTitle(String text) {
        int first = text.codePointAt(0);
        return Character.isUpperCase(first) || Character.isDigit(first) || first == '"' || first == '\u201c'
                || first == '\'' || Character.isLetter(first) && !Character.isLowerCase(first);
    }

    private static int numericTokens(String[] words) {
        int count = 0;
        for (String word : words) {
            if (NUMBER_TOKEN.matcher(word).matches()) {
                count++;
            }
        }
        return count;
    }

    /** Several lowercase function words in a row read as running text, not a title. */
    private static boolean looksLikeSentence(String text) {
        String[] words = text.split(" ");
        if (words.length < 7) {
            return false;
        }
        int lowercase = 0;
        for (String word : words) {
            if (!word.isEmpty() && Character.isLowerCase(word.codePointAt(0))) {
                lowercase++;
            }
        }
        return lowercase * 10 >= words.length * 7;
    }

    private static boolean isUnnumberedHeadingText(TextLine line) {
        String text = line.text();
        if (text.length() > 80 || text.length() < 2) {
            return false;
        }
        String[] words = text.split(" ");
        if (words.length > 12) {
            return false;
        }
        int letters = (int) text.codePoints().filter(Character::isLetter).count();
        if (letters < 2 || letters * 2 < text.replace(" ", "").length()) {
            return false;
        }
        if (!startsLikeTitle(text)) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        if (last == '.' || last == ',' || last == ';' || last == ':' || last == '=') {
            return false;
        }
        if (line.wideGaps() > 0 || numericTokens(words) >= 2
                || NUMBER_TOKEN.matcher(words[words.length - 1]).matches()) {
            return false;
        }
        if (text.chars().filter(c -> c == ',').count() >= 2) {
            return false;
        }
        if (CAPTION.matcher(text).find() || MONTH.matcher(text).matches() || DATE_LIKE.matcher(text).matches()) {
            return false;
        }
        if (text.startsWith("\u2022") || text.startsWith("- ") || text.startsWith("* ")) {
            return false;
        }
        return !looksLikeSentence(text);
    }

    /**
     * A bold line of body size right above a table is the table's caption ("Enter Order" over its field list):
     * taking it as a heading would separate the table from the section it documents.
     */
    private static boolean isCaptionOfTable(TextLine line, @Nullable TextLine next, BodyStyle body) {
        return next != null && next.page() == line.page() && next.wideGaps() >= 2
                && next.top() - line.baseline() < line.fontSize() * 2.5f && !body.isLarger(line);
    }

    /** Whether {@code line} is the tail of a sentence begun on the previous line (e.g. bold words wrapping). */
    private static boolean continuesSentence(@Nullable TextLine previous, TextLine line, BodyStyle body) {
        if (previous == null || previous.page() != line.page()) {
            return false;
        }
        String text = previous.text();
        char last = text.charAt(text.length() - 1);
        boolean open = Character.isLetter(last) && Character.isLowerCase(last) || last == ',';
        return open && previous.fontSize() == line.fontSize() && previous.bold() == line.bold()
                && line.top() - previous.baseline() < body.lineGap() * 1.5f + 1f;
    }

    private static boolean isSpacedAbove(TextLine line, @Nullable TextLine previous, BodyStyle body) {
        if (previous == null || previous.page() != line.page()) {
            return true;
        }
        float gap = line.top() - previous.baseline();
        return gap >= Math.max(body.lineGap() * 1.4f, line.fontSize() * 0.5f);
    }

    /** How many pages each styled line's text appears on: repeated ones are table headers or captions. */
    private static Map<String, Integer> styledTextPages(DocumentLines document, List<Integer> kept, BodyStyle body) {
        Map<String, Set<Integer>> pages = new HashMap<>();
        for (int index : kept) {
            TextLine line = document.get(index);
            if (body.isStyled(line)) {
                pages.computeIfAbsent(line.text(), text -> new HashSet<>()).add(line.page());
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        pages.forEach((text, seen) -> counts.put(text, seen.size()));
        return counts;
    }

    /**
     * The highest-scoring run of numbered candidates whose numbers ascend. Direct successors cost nothing, other
     * ascending steps cost a penalty that only candidates that stand out can pay.
     */
    private static List<Candidate> bestSequence(List<Candidate> candidates) {
        int count = candidates.size();
        if (count == 0) {
            return List.of();
        }
        float[] best = new float[count];
        int[] previous = new int[count];
        Arrays.fill(previous, -1);
        int bestEnd = -1;
        for (int j = 0; j < count; j++) {
            Candidate candidate = candidates.get(j);
            List<Integer> parts = candidate.numbering().parts();
            float skip = candidate.styled() ? 1.5f : 3f;
            float start = Numbering.isFirst(parts) ? 0f : -skip;
            float bestBefore = start;
            int from = Math.max(0, j - SEQUENCE_WINDOW);
            for (int i = from; i < j; i++) {
                List<Integer> earlier = candidates.get(i).numbering().parts();
                float step;
                if (Numbering.directlyFollows(earlier, parts)) {
                    step = 0f;
                }
                else if (Numbering.comesAfter(earlier, parts)) {
                    step = -skip;
                }
                else {
                    continue;
                }
                if (best[i] + step > bestBefore) {
                    bestBefore = best[i] + step;
                    previous[j] = i;
                }
            }
            best[j] = candidate.score() + bestBefore;
            if (bestEnd < 0 || best[j] > best[bestEnd]) {
                bestEnd = j;
            }
        }
        List<Candidate> sequence = new ArrayList<>();
        for (int j = bestEnd; j >= 0; j = previous[j]) {
            sequence.add(candidates.get(j));
        }
        Collections.reverse(sequence);
        boolean convincing = sequence.size() >= 2 || sequence.get(0).styled();
        return convincing ? sequence : List.of();
    }

    /**
     * Drops an unnumbered heading that repeats the heading before it ("Cancel Order Reasons" under "3.3.3.1 Cancel
     * Order Reasons"): that is a table or figure caption, and a section of its own would part the table from the
     * section it belongs to.
     */
    private static List<Candidate> withoutRepeatedTitles(List<Candidate> accepted, DocumentLines document) {
        List<Candidate> kept = new ArrayList<>(accepted.size());
        Candidate previous = null;
        for (Candidate candidate : accepted) {
            if (candidate.numbering() == null && previous != null
                    && candidate.line().page() - previous.line().page() <= 1) {
                String key = document.titleKey(candidate.index());
                String before = document.titleKey(previous.index());
                if (!key.isEmpty() && before.contains(key)) {
                    continue;
                }
            }
            kept.add(candidate);
            previous = candidate;
        }
        return kept;
    }

    private static List<Heading> toHeadings(List<Candidate> accepted, DocumentLines document, BitSet removed,
            BodyStyle body) {
        // styles of numbered headings tell the level of unnumbered ones set the same way
        Map<Style, Map<Integer, Integer>> depthsByStyle = new HashMap<>();
        for (Candidate candidate : accepted) {
            if (candidate.numbering() != null) {
                depthsByStyle.computeIfAbsent(Style.of(candidate.line()), style -> new HashMap<>())
                        .merge(candidate.numbering().depth(), 1, Integer::sum);
            }
        }
        Map<Style, Integer> levelByStyle = new HashMap<>();
        Set<Style> unambiguous = new HashSet<>();
        depthsByStyle.forEach((style, depths) -> {
            Map.Entry<Integer, Integer> usual = depths.entrySet().stream()
                    .max(Map.Entry.<Integer, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow();
            levelByStyle.put(style, usual.getKey());
            int total = depths.values().stream().mapToInt(Integer::intValue).sum();
            if (usual.getValue() * 5 >= total * 4) {
                unambiguous.add(style);
            }
        });
        List<Style> unnumberedStyles = accepted.stream()
                .filter(candidate -> candidate.numbering() == null)
                .map(candidate -> Style.of(candidate.line()))
                .distinct()
                .sorted(Style.PROMINENCE)
                .toList();

        List<Heading> headings = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        Candidate lastNumbered = null;
        int lastNumberedLevel = 0;
        for (int c = 0; c < accepted.size(); c++) {
            Candidate candidate = accepted.get(c);
            if (taken.contains(candidate.index())) {
                continue;
            }
            int nextHeading = c + 1 < accepted.size() ? accepted.get(c + 1).index() : document.size();
            // a heading set like the body text cannot be told from the paragraph below it: it is one line
            int lineCount = body.isStyled(candidate.line()) ? headingLines(candidate, document, removed, nextHeading) : 1;
            for (int i = candidate.index(); i < candidate.index() + lineCount; i++) {
                taken.add(i);
            }
            StringBuilder title = new StringBuilder(candidate.line().text());
            for (int i = candidate.index() + 1; i < candidate.index() + lineCount; i++) {
                if (!removed.get(i)) {
                    title.append(' ').append(document.get(i).text());
                }
            }
            int level;
            Style style = Style.of(candidate.line());
            if (candidate.numbering() != null) {
                level = candidate.numbering().depth();
                lastNumbered = candidate;
                lastNumberedLevel = level;
            }
            else if (levelByStyle.containsKey(style) && (lastNumbered == null || unambiguous.contains(style)
                    || Style.PROMINENCE.compare(style, Style.of(lastNumbered.line())) < 0)) {
                // set like numbered headings of one depth: a heading of that depth that has no number
                level = levelByStyle.get(style);
            }
            else if (lastNumbered != null) {
                Style numberedStyle = Style.of(lastNumbered.line());
                level = Style.PROMINENCE.compare(style, numberedStyle) < 0
                        ? levelAbove(style, levelByStyle) : lastNumberedLevel + 1;
            }
            else if (!levelByStyle.isEmpty()) {
                level = levelAbove(style, levelByStyle);
            }
            else {
                level = unnumberedStyles.indexOf(style) + 1;
            }
            headings.add(new Heading(candidate.index(), lineCount, title.toString(),
                    Math.max(1, Math.min(MAX_LEVEL, level)), candidate.line().page()));
        }
        return List.copyOf(headings);
    }

    /** Level for a style more prominent than the current numbered heading: one below the next more prominent. */
    private static int levelAbove(Style style, Map<Style, Integer> levelByStyle) {
        int level = 0;
        for (Map.Entry<Style, Integer> known : levelByStyle.entrySet()) {
            if (Style.PROMINENCE.compare(known.getKey(), style) < 0) {
                level = Math.max(level, known.getValue());
            }
        }
        Integer same = levelByStyle.get(style);
        return same != null ? same : level + 1;
    }

    /** The heading's own lines: it continues onto following lines set the same way, close below, unnumbered. */
    private static int headingLines(Candidate candidate, DocumentLines document, BitSet removed, int nextHeading) {
        TextLine first = candidate.line();
        int count = 1;
        int words = first.text().split(" ").length;
        TextLine previous = first;
        for (int i = candidate.index() + 1; i < nextHeading && count < 3; i++) {
            if (removed.get(i)) {
                break;
            }
            TextLine line = document.get(i);
            boolean sameStyle = line.page() == first.page() && Math.abs(line.fontSize() - first.fontSize()) < 0.3f
                    && line.bold() == first.bold();
            // a numbered heading's second line hangs under its text; an unnumbered one may be a table header below
            float leading = candidate.numbering() != null ? 0.65f : 0.5f;
            boolean close = line.top() - previous.baseline() < first.fontSize() * leading;
            words += line.text().split(" ").length;
            boolean appendixTitle = candidate.numbering() != null && candidate.numbering().isAppendix()
                    && candidate.numbering().rest().isEmpty() && count == 1 && sameStyle;
            if (!appendixTitle && (!sameStyle || !close || Numbering.parse(line.text()) != null || words > 20
                    || line.wideGaps() > 0)) {
                break;
            }
            count++;
            previous = line;
        }
        return count;
    }

    /** What the first page tells about titles: a cover page, or the document title's size. */
    private record FirstPage(boolean cover, float titleSize) {

        /** Fewer lines than this on page 1, and more pages after it: a cover. */
        private static final int COVER_LINES = 15;

        static FirstPage of(DocumentLines document, List<Integer> kept) {
            int lines = 0;
            float largest = 0;
            for (int index : kept) {
                TextLine line = document.get(index);
                if (line.page() != 1) {
                    break;
                }
                lines++;
                largest = Math.max(largest, line.fontSize());
            }
            return new FirstPage(lines < COVER_LINES && document.pageCount() > 1, largest);
        }

        /** Whether {@code line} is on the cover, or is the title line of the first page. */
        boolean isTitle(TextLine line) {
            return line.page() == 1 && (cover || line.fontSize() >= titleSize - 0.25f);
        }
    }

    private record Candidate(int index, TextLine line, @Nullable Numbering numbering, float score, boolean styled) {
    }

    /** A text style: size to the half point and weight. */
    private record Style(float size, boolean bold) {

        /** Most prominent first: larger, then bold. */
        static final Comparator<Style> PROMINENCE = Comparator.comparing(Style::size, Comparator.reverseOrder())
                .thenComparing(Style::bold, Comparator.reverseOrder());

        static Style of(TextLine line) {
            return new Style(Math.round(line.fontSize() * 2) / 2f, line.bold());
        }
    }

    /** The dominant style of the running text and its usual line spacing. */
    private record BodyStyle(float size, boolean bold, float lineGap) {

        /** Characters in a line that is likely running text. */
        private static final int PARAGRAPH_LINE = 40;

        static BodyStyle of(DocumentLines document, List<Integer> kept) {
            // running text is set in long lines without table columns; specifications often hold more table text
            Map<Float, Integer> sizes = new HashMap<>();
            for (int index : kept) {
                TextLine line = document.get(index);
                if (line.wideGaps() == 0 && line.text().length() >= PARAGRAPH_LINE) {
                    sizes.merge(line.fontSize(), line.text().length(), Integer::sum);
                }
            }
            if (sizes.isEmpty()) {
                for (int index : kept) {
                    TextLine line = document.get(index);
                    sizes.merge(line.fontSize(), line.text().length(), Integer::sum);
                }
            }
            float size = sizes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            int boldChars = 0;
            int chars = 0;
            List<Float> gaps = new ArrayList<>();
            TextLine previous = null;
            for (int index : kept) {
                TextLine line = document.get(index);
                if (Math.abs(line.fontSize() - size) < 0.3f) {
                    chars += line.text().length();
                    if (line.bold()) {
                        boldChars += line.text().length();
                    }
                    if (previous != null && previous.page() == line.page()
                            && Math.abs(previous.fontSize() - size) < 0.3f) {
                        float gap = line.top() - previous.baseline();
                        if (gap > 0) {
                            gaps.add(gap);
                        }
                    }
                }
                previous = line;
            }
            gaps.sort(null);
            // the gap between lines of one paragraph; paragraph breaks are fewer than line breaks
            float lineGap = gaps.isEmpty() ? size * 0.4f : gaps.get(gaps.size() * 3 / 10);
            return new BodyStyle(size, boldChars * 2 > chars, lineGap);
        }

        boolean isStyled(TextLine line) {
            return isLarger(line) || line.bold() && !bold && line.fontSize() >= size * 0.97f;
        }

        boolean isLarger(TextLine line) {
            return line.fontSize() >= size * LARGER && line.fontSize() >= size + LARGER_BY_POINTS;
        }
    }
}
