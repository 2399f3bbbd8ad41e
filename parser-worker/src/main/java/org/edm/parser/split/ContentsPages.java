package org.edm.parser.split;

import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * Finds tables of contents (and lists of figures or tables): the lines from a "Contents"
 * title, or from the first entry, to the last entry on each contents page. An entry is a
 * line that ends in a page number after dot leaders or a wide gap. A page is a contents
 * page when it has the title and entries, continues the previous contents page with
 * mostly entries, or is mostly entries with dot leaders.
 */
final class ContentsPages {

    private static final Pattern TITLE = Pattern.compile(
            "^(?:table\\s+of\\s+contents?|contents?|index\\s+of\\s+contents|list\\s+of\\s+(?:figures|tables|illustrations))"
                    + "\\s*:?$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern PAGE_TAIL = Pattern.compile("\\s(?:\\d{1,4}|[ivxlc]{1,6})$", Pattern.CASE_INSENSITIVE);

    private static final float WIDE_GAP = 2.5f;

    private ContentsPages() {
    }

    /**
     * Whether {@code text} is the title of a contents page ("Contents", "Table of
     * Contents", "List of Tables").
     */
    static boolean isTitle(String text) {
        return TITLE.matcher(text).matches();
    }

    /**
     * The flat indexes of contents lines in {@code document}, not counting
     * {@code furniture}.
     */
    static BitSet detect(DocumentLines document, BitSet furniture) {
        BitSet contents = new BitSet(document.size());
        boolean previousWasContents = false;
        for (int p = 0; p < document.pageCount(); p++) {
            int start = document.pageStart(p);
            int end = document.pageEnd(p);
            int title = -1;
            int firstEntry = -1;
            int lastEntry = -1;
            int entries = 0;
            int leaderEntries = 0;
            int lines = 0;
            for (int i = start; i < end; i++) {
                if (furniture.get(i)) {
                    continue;
                }
                lines++;
                TextLine line = document.get(i);
                String text = line.text();
                if (title < 0 && TITLE.matcher(text).matches()) {
                    title = i;
                    continue;
                }
                boolean leader = isLeaderEntry(text);
                boolean entry = leader
                        || line.maxGap() >= WIDE_GAP && hasLetter(text) && PAGE_TAIL.matcher(text).find();
                if (entry) {
                    entries++;
                    if (leader) {
                        leaderEntries++;
                    }
                    if (firstEntry < 0) {
                        firstEntry = i;
                    }
                    lastEntry = i;
                }
            }
            boolean isContents = title >= 0 && entries >= 2 && (firstEntry > title)
                    || previousWasContents && entries >= 2 && entries * 5 >= lines * 2
                    || leaderEntries >= 3 && leaderEntries * 10 >= lines * 3;
            if (isContents) {
                int from = title >= 0 && title < firstEntry ? title : firstEntry;
                for (int i = from; i <= lastEntry; i++) {
                    if (!furniture.get(i)) {
                        contents.set(i);
                    }
                }
            }
            else if (title >= 0 && title == end - 1 - trailingFurniture(furniture, start, end)) {
                // a "Contents" title alone at the bottom of a page, its entries start on
                // the next one
                contents.set(title);
                isContents = true;
            }
            previousWasContents = isContents;
        }
        return contents;
    }

    private static boolean isLeaderEntry(String text) {
        // cheap tests first: regular expressions on every line of a 500-page document add
        // up
        boolean dots = text.contains("....") || text.contains(". . .") || text.indexOf('\u2026') >= 0;
        return dots && hasLetter(text) && (endsInLeaderAndPage(text) || endsInBareLeader(text));
    }

    /*
     * The leader tests below are hand scans from the end of the line, linear in its
     * length. The regular expressions they replace, (?:\.\s?){4,}..., recursed once per
     * repetition of the group and overflowed the stack on a line with a few thousand dots
     * (a hostile or merely odd contents page).
     */

    /**
     * Dot leaders (four or more, each dot maybe followed by one space) or an ellipsis,
     * then a page number.
     */
    static boolean endsInLeaderAndPage(String text) {
        int end = text.length();
        int number = pageNumberStart(text, end);
        if (number < 0) {
            return false;
        }
        int beforeSpace = skipSpacesBackwards(text, number);
        if (beforeSpace > 0 && text.charAt(beforeSpace - 1) == '\u2026') {
            return true;
        }
        return leaderDotsBefore(text, beforeSpace) >= 4;
    }

    /**
     * Six or more dot leaders ending the line: the page number fell onto the next line,
     * or is missing.
     */
    static boolean endsInBareLeader(String text) {
        return leaderDotsBefore(text, skipSpacesBackwards(text, text.length())) >= 6;
    }

    /**
     * Where a page number (1 to 4 digits, or 1 to 6 roman numerals) ending at {@code end}
     * starts, or -1.
     */
    private static int pageNumberStart(String text, int end) {
        int start = end;
        while (start > 0 && isAsciiDigit(text.charAt(start - 1))) {
            start--;
        }
        if (start < end) {
            return end - start <= 4 ? start : -1;
        }
        while (start > 0 && isRomanNumeral(text.charAt(start - 1))) {
            start--;
        }
        return start < end && end - start <= 6 ? start : -1;
    }

    /**
     * How many leader dots end just before {@code end}: dots, each maybe followed by one
     * white space.
     */
    private static int leaderDotsBefore(String text, int end) {
        int dots = 0;
        int i = end;
        while (i > 0) {
            char c = text.charAt(i - 1);
            if (c == '.') {
                dots++;
                i--;
            }
            else if (Character.isWhitespace(c) && i > 1 && text.charAt(i - 2) == '.') {
                i--;
            }
            else {
                break;
            }
        }
        return dots;
    }

    private static int skipSpacesBackwards(String text, int end) {
        int i = end;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isRomanNumeral(char c) {
        return "ivxlcIVXLC".indexOf(c) >= 0;
    }

    private static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int trailingFurniture(BitSet furniture, int start, int end) {
        int count = 0;
        for (int i = end - 1; i >= start && furniture.get(i); i--) {
            count++;
        }
        return count;
    }

}
