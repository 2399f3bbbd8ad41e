package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every stage after text capture stops within a loop step once the split's deadline has
 * passed or its thread was interrupted (cancelled): a split thread must not keep a slot
 * of the pool busy long after its deadline.
 */
class StageDeadlineTest {

    private static final int PAGES = 200;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void everyStageStopsOnAPassedDeadline() {
        DocumentLines lines = document(SplitDeadline.at(System.nanoTime() - 1));

        assertThatThrownBy(() -> PageFurniture.detect(lines)).isInstanceOf(SplitDeadline.Passed.class);
        assertThatThrownBy(() -> ContentsPages.detect(lines, new BitSet())).isInstanceOf(SplitDeadline.Passed.class);
        assertThatThrownBy(() -> HeadingDetector.detect(lines, new BitSet())).isInstanceOf(SplitDeadline.Passed.class);
        assertThatThrownBy(() -> SectionAssembler.assemble(lines, new BitSet(), List.of(), "Preamble"))
            .isInstanceOf(SplitDeadline.Passed.class);
        assertThatThrownBy(() -> OutlineCompletion.missing(headings(), headings(), lines.deadline()))
            .isInstanceOf(SplitDeadline.Passed.class);
    }

    @Test
    void everyStageStopsWhenItsThreadIsInterrupted() {
        DocumentLines lines = document(SplitDeadline.none());
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> PageFurniture.detect(lines)).isInstanceOf(SplitDeadline.Passed.class)
            .hasMessageContaining("cancelled");
        assertThatThrownBy(() -> HeadingDetector.detect(lines, new BitSet())).isInstanceOf(SplitDeadline.Passed.class);
        assertThatThrownBy(() -> SectionAssembler.assemble(lines, new BitSet(), List.of(), "Preamble"))
            .isInstanceOf(SplitDeadline.Passed.class);
    }

    @Test
    void withTimeLeftTheStagesRun() {
        DocumentLines lines = document(SplitDeadline.none());

        assertThat(
                SectionAssembler.assemble(lines, new BitSet(), HeadingDetector.detect(lines, new BitSet()), "Preamble"))
            .isNotEmpty();
    }

    private static DocumentLines document(SplitDeadline deadline) {
        List<PageText> pages = new ArrayList<>();
        for (int p = 1; p <= PAGES; p++) {
            List<TextLine> lines = new ArrayList<>();
            lines.add(new TextLine(p, p + " Heading of page " + p, 72, 300, 60, 74, 14, true, "Helvetica-Bold", 0, 0,
                    0.3f));
            for (int i = 0; i < 10; i++) {
                float top = 100 + 14 * i;
                lines.add(new TextLine(p, "Body text line " + i + " of page " + p + " says something.", 72, 500, top,
                        top + 10, 10, false, "Helvetica", 0, 0, 0.3f));
            }
            pages.add(new PageText(p, 612, 792, 792, lines, false));
        }
        return new DocumentLines(pages, deadline);
    }

    private static List<Heading> headings() {
        List<Heading> headings = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            headings.add(new Heading(i * 11, 1, "Heading " + i, 1, i / 5 + 1));
        }
        return headings;
    }

}
