package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Shared checks on split results. */
final class SplitAssertions {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SplitAssertions() {
    }

    /** The section tree as lines "level title pN <parent title>", in order. */
    static List<String> tree(SplitResult result) {
        List<String> tree = new ArrayList<>();
        for (ParsedSection section : result.sections()) {
            String parent = section.parentIndex() == null ? "-" : result.sections().get(section.parentIndex()).title();
            tree.add(section.level() + " " + section.title() + " p" + section.pageNumber() + " <" + parent + ">");
        }
        return tree;
    }

    /** Section contents by title (titles are unique in the test documents). */
    static Map<String, String> contents(SplitResult result) {
        Map<String, String> contents = new HashMap<>();
        result.sections().forEach(section -> contents.put(section.title(), section.content()));
        return contents;
    }

    /** Order gap-free from 0, parents before their children and one level up. */
    static void assertWellFormed(SplitResult result) {
        List<ParsedSection> sections = result.sections();
        for (int i = 0; i < sections.size(); i++) {
            ParsedSection section = sections.get(i);
            assertThat(section.orderIndex()).isEqualTo(i);
            assertThat(section.level()).isGreaterThanOrEqualTo(1);
            if (section.parentIndex() != null) {
                assertThat(section.parentIndex()).isLessThan(i);
                assertThat(sections.get(section.parentIndex()).level()).isLessThan(section.level());
            }
        }
    }

    /**
     * Nothing dropped, nothing duplicated: the words of all titles and contents cover the
     * words of the document's kept lines (all lines but headers, footers and contents
     * pages, with hyphenated words rejoined), and the contents alone hold no word more
     * often than those lines do. Returns the share of words covered.
     */
    static double coverage(DocumentSplitter.Analysis analysis) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < analysis.lines().size(); i++) {
            if (!analysis.removed().get(i)) {
                kept.add(analysis.lines().get(i).text());
            }
        }
        Map<String, Integer> expected = words(SectionAssembler.joinLines(kept));
        Map<String, Integer> titlesAndContents = new HashMap<>();
        Map<String, Integer> contentsOnly = new HashMap<>();
        for (ParsedSection section : analysis.result().sections()) {
            words(section.title()).forEach((word, count) -> titlesAndContents.merge(word, count, Integer::sum));
            words(section.content()).forEach((word, count) -> {
                titlesAndContents.merge(word, count, Integer::sum);
                contentsOnly.merge(word, count, Integer::sum);
            });
        }
        contentsOnly.forEach((word, count) -> assertThat(count).as("occurrences of '%s' in section contents", word)
            .isLessThanOrEqualTo(expected.getOrDefault(word, 0)));
        long total = 0;
        long covered = 0;
        for (Map.Entry<String, Integer> word : expected.entrySet()) {
            total += word.getValue();
            covered += Math.min(word.getValue(), titlesAndContents.getOrDefault(word.getKey(), 0));
        }
        return total == 0 ? 1 : (double) covered / total;
    }

    static Map<String, Integer> words(String text) {
        Map<String, Integer> words = new HashMap<>();
        for (String word : NOT_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                words.merge(word, 1, Integer::sum);
            }
        }
        return words;
    }

}
