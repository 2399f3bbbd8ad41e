package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.parser.split.SplitAssertions.assertWellFormed;
import static org.edm.parser.split.SplitAssertions.tree;

import java.nio.file.Path;
import org.edm.testsupport.TestPdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Levels of layout headings and the parents that follow from them, on documents without
 * an outline.
 */
class HeadingLevelsTest {

    private final DocumentSplitter splitter = new DocumentSplitter(SplitSettings.defaults());

    @TempDir
    Path directory;

    @Test
    void numberingDepthDecidesTheLevelWhateverTheFontAndUnnumberedHeadingsFollowTheirStyle() throws Exception {
        // given: "2.1.1" set as large as the chapters, a level 3 right under a level 1
        // (no 1.1), and an unnumbered
        // heading set like the numbered level-2 ones
        TestPdf pdf = new TestPdf().page().heading("Order Entry Protocol", 24, true).text("Version 3, March 2024");
        pdf.page()
            .heading("1 Overview", 16, true)
            .text("The protocol carries orders from members to the exchange.")
            .heading("1.0.1 Conventions", 11, true)
            .text("Prices are integers with four implied decimals.")
            .heading("1.1 Architecture", 13, true)
            .text("Each member connects over TCP to one gateway.")
            .heading("Support", 13, true)
            .text("Questions go to the exchange's technical desk.");
        pdf.page()
            .heading("2 Messages", 16, true)
            .text("Every message starts with a length and a type.")
            .heading("2.1 Inbound", 13, true)
            .text("Messages from the member to the exchange.")
            .heading("2.1.1 Enter Order", 16, true)
            .text("Enters a new order into the book.");
        Path file = pdf.save(directory, "levels.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(tree(result)).containsExactly("1 Preamble p1 <->", "1 1 Overview p2 <->",
                "3 1.0.1 Conventions p2 <1 Overview>", "2 1.1 Architecture p2 <1 Overview>",
                "2 Support p2 <1 Overview>", "1 2 Messages p3 <->", "2 2.1 Inbound p3 <2 Messages>",
                "3 2.1.1 Enter Order p3 <2.1 Inbound>");
        assertWellFormed(result);
    }

}
