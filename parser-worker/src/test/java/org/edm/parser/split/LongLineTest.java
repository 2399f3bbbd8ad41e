package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.edm.testsupport.TestPdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines of extreme length (a contents entry with thousands of dot leaders) are matched in
 * linear time: the contents-page patterns once recursed per dot and overflowed the stack,
 * and the document was reported damaged.
 */
class LongLineTest {

    private static final int LENGTH = 200_000;

    @TempDir
    Path directory;

    @Test
    void contentsLinesOfTwoHundredThousandCharactersAreRecognisedWithoutOverflowingTheStack() {
        // given: four 200,000-character lines of dot leaders, spaced and unspaced, with
        // and without a page number
        String dots = ".".repeat(LENGTH);
        String spacedDots = ". ".repeat(LENGTH / 2);
        List<String> texts = List.of("Introduction " + dots + " 5", "Scope" + spacedDots + "12", "Messages " + dots,
                "Appendix " + spacedDots + " iv");
        DocumentLines document = onePage(texts);

        // when
        BitSet contents = ContentsPages.detect(document, new BitSet());
        List<Heading> headings = HeadingDetector.detect(document, contents);

        // then: a page of leader entries is a contents page, and heading detection ran
        // over the same lines
        assertThat(contents.cardinality()).isEqualTo(4);
        assertThat(headings).isEmpty();
        assertThat(Numbering.parse("1.2 " + dots)).isNotNull();
        assertThat(PageFurniture.detect(document).cardinality()).isZero();
    }

    @Test
    void leaderScansAgreeWithTheShortShapesTheyReplace() {
        assertThat(ContentsPages.endsInLeaderAndPage("1.2 Scope .... 5")).isTrue();
        assertThat(ContentsPages.endsInLeaderAndPage("Scope . . . . . 17")).isTrue();
        assertThat(ContentsPages.endsInLeaderAndPage("Preface ........ xiv")).isTrue();
        assertThat(ContentsPages.endsInLeaderAndPage("Glossary \u2026 88")).isTrue();
        assertThat(ContentsPages.endsInLeaderAndPage("Scope ... 5")).isFalse();
        assertThat(ContentsPages.endsInLeaderAndPage("Price ....12345")).isFalse();
        assertThat(ContentsPages.endsInLeaderAndPage("Scope .... 5 of the rules")).isFalse();
        assertThat(ContentsPages.endsInBareLeader("Annex B ......")).isTrue();
        assertThat(ContentsPages.endsInBareLeader("Annex B .....")).isFalse();
    }

    @Test
    void twoPagePdfWhoseContentsPageHasLongDotLeadersIsSplit() throws Exception {
        // given: the shape reported in issue 12, a contents page whose entries carry
        // 2,000 dot leaders
        String leaders = ".".repeat(2_000);
        Path file = new TestPdf().page()
            .heading("Contents", 16, true)
            .text("1 Introduction " + leaders + " 2", "2 Messages " + leaders + " 2", "3 Appendix " + leaders + " 2")
            .page()
            .heading("1 Introduction", 16, true)
            .text("The protocol carries orders between members and the exchange.")
            .heading("2 Messages", 16, true)
            .text("Every message starts with a length and a type.")
            .heading("3 Appendix", 16, true)
            .text("Revision history of this specification.")
            .save(directory, "leaders.pdf");

        // when
        SplitResult result = new DocumentSplitter(SplitSettings.defaults()).split(file);

        // then
        assertThat(result.sections()).extracting(ParsedSection::title)
            .containsExactly("1 Introduction", "2 Messages", "3 Appendix");
    }

    private static DocumentLines onePage(List<String> texts) {
        List<TextLine> lines = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float top = 100 + 14 * i;
            lines.add(new TextLine(1, texts.get(i), 72, 540, top, top + 10, 10, false, "Helvetica", 0, 0, 0));
        }
        return new DocumentLines(List.of(new PageText(1, 612, 792, 792, lines, false)));
    }

}
