package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.parser.split.SplitAssertions.assertWellFormed;
import static org.edm.parser.split.SplitAssertions.tree;

import java.nio.file.Path;
import org.edm.testsupport.TestPdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents without bookmarks but with a printed table of contents: it levels and places
 * their headings.
 */
class PrintedContentsTest {

    private static final float[] COLUMNS = { 72, 170, 230, 320 };

    private final DocumentSplitter splitter = new DocumentSplitter(SplitSettings.defaults());

    @TempDir
    Path directory;

    @Test
    void indentationOfAnUnnumberedContentsPageGivesTheLevelsThatTheHeadingsStyleCannot() throws Exception {
        // given: every heading set alike (12 pt bold), no numbers, no bookmarks; the
        // contents page indents them
        // by level, and names one heading ("Order Fields") that the layout takes for a
        // table caption
        TestPdf pdf = contentsPage(new TestPdf().page().heading("Order Entry Protocol", 24, true).text("Version 2"),
                new String[] { "Overview", "Terms", "Messages", "Add Order", "Order Fields" },
                new int[] { 0, 1, 0, 1, 2 }, new int[] { 3, 3, 4, 4, 4 });
        pdf.page()
            .heading("Overview", 12, true)
            .text("The protocol carries orders from members to the exchange over TCP sessions.")
            .heading("Terms", 12, true)
            .text("A member is a firm admitted to trading on the exchange by its rules.");
        pdf.page()
            .heading("Messages", 12, true)
            .text("All messages share one header and differ in their bodies as given below.")
            .heading("Add Order", 12, true)
            .text("The Add Order message enters a new order into the book of one instrument.")
            .write("Order Fields", TestPdf.BODY_SIZE, true, TestPdf.LEFT, 4)
            .row(COLUMNS, "Field", "Offset", "Length", "Description")
            .row(COLUMNS, "Price", "0", "8", "The limit price of the order.");
        Path file = pdf.save(directory, "contents.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(result.info().headingSource()).isEqualTo("layout");
        assertThat(tree(result)).containsExactly("1 Preamble p1 <->", "1 Overview p3 <->", "2 Terms p3 <Overview>",
                "1 Messages p4 <->", "2 Add Order p4 <Messages>", "3 Order Fields p4 <Add Order>");
        assertWellFormed(result);
    }

    @Test
    void numberedContentsEntriesFindTheirNumberedHeadingNotAnUnnumberedNamesake() throws Exception {
        // given: contents numbered 1 / 1.1, an unnumbered level-3 entry "General"
        // indented beyond them, and a
        // numbered "2.1 General" later; the unnumbered "General" is set like body text in
        // bold above a table
        TestPdf pdf = contentsPage(new TestPdf().page().heading("Market Data Interface", 24, true).text("Version 7"),
                new String[] { "1 Introduction", "1.1 Messages", "General", "2 Recovery", "2.1 General" },
                new int[] { 0, 1, 2, 0, 1 }, new int[] { 3, 3, 3, 4, 4 });
        pdf.page()
            .heading("1 Introduction", 16, true)
            .text("The interface publishes every change of the order book as a message of its own.")
            .heading("1.1 Messages", 13, true)
            .text("Messages come in packets; each packet holds one or more of them in sequence.")
            .write("General", TestPdf.BODY_SIZE, true, TestPdf.LEFT, 4)
            .row(COLUMNS, "Name", "Id", "Length", "Description")
            .row(COLUMNS, "Heartbeat", "1", "8", "Sent every second.");
        pdf.page()
            .heading("2 Recovery", 16, true)
            .text("A participant that missed packets recovers the order book from snapshots.")
            .heading("2.1 General", 13, true)
            .text("Snapshots are sent in cycles for every instrument of a product.");
        Path file = pdf.save(directory, "numbered-contents.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(tree(result)).containsExactly("1 Preamble p1 <->", "1 1 Introduction p3 <->",
                "2 1.1 Messages p3 <1 Introduction>", "3 General p3 <1.1 Messages>", "1 2 Recovery p4 <->",
                "2 2.1 General p4 <2 Recovery>");
        assertWellFormed(result);
    }

    /**
     * Adds a contents page: "Contents", then one line per entry, indented 18 points per
     * level, with dot leaders and the page number.
     */
    private static TestPdf contentsPage(TestPdf pdf, String[] titles, int[] indents, int[] pages) {
        pdf.page().heading("Contents", 16, true);
        for (int i = 0; i < titles.length; i++) {
            String leaders = " " + ". ".repeat(40 - titles[i].length() / 2 - indents[i] * 2);
            pdf.write(titles[i] + leaders + pages[i], TestPdf.BODY_SIZE, indents[i] == 0,
                    TestPdf.LEFT + 18 * indents[i], 4);
        }
        return pdf;
    }

}
