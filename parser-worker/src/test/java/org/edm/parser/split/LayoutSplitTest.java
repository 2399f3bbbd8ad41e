package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.parser.split.SplitAssertions.assertWellFormed;
import static org.edm.parser.split.SplitAssertions.contents;
import static org.edm.parser.split.SplitAssertions.coverage;
import static org.edm.parser.split.SplitAssertions.tree;

import java.nio.file.Path;
import org.edm.testsupport.TestPdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents without an outline: headings come from the page layout. */
class LayoutSplitTest {

    private static final float[] COLUMNS = { 72, 200, 260, 320 };

    private final DocumentSplitter splitter = new DocumentSplitter(SplitSettings.defaults());

    @TempDir
    Path directory;

    @Test
    void numberedHeadingsMakeTheTreeAndTableRowsListsAndNumbersDoNot() throws Exception {
        // given: numbered bold headings; a message table whose rows start with numbers; a
        // numbered list
        TestPdf pdf = new TestPdf().page()
            .heading("Order Entry Protocol", 22, true)
            .text("Version 3, March 2024")
            .heading("1 Overview", 14, true)
            .text("The protocol carries orders from members to the exchange.")
            .heading("1.1 Architecture", 12, true)
            .text("Each member connects over TCP.");
        pdf.page()
            .heading("2 Messages", 14, true)
            .text("To enter an order a member does the following:")
            .text("1. Send a login request.", "2. Wait for the login response.")
            .heading("2.1 Add Order", 12, true)
            .text("The Add Order message has these fields:")
            .row(COLUMNS, "Field", "Offset", "Length", "Type")
            .row(COLUMNS, "Message Type", "0", "1", "Alpha")
            .row(COLUMNS, "Price", "4", "8", "Integer")
            .row(COLUMNS, "12", "Quantity", "4", "Integer")
            .gap(8)
            .text("3 Integer fields follow the price.")
            .heading("2.2 Cancel Order", 12, true)
            .text("Cancels the rest of an order.");
        pdf.page().heading("Appendix A Reject Codes", 14, true).text("Codes sent with a reject.");
        Path file = pdf.save(directory, "numbered.pdf");

        // when
        DocumentSplitter.Analysis analysis = splitter.analyse(file, true);
        SplitResult result = analysis.result();

        // then
        assertThat(result.info().headingSource()).isEqualTo("layout");
        assertThat(result.info().outlinePresent()).isFalse();
        assertThat(tree(result)).containsExactly("1 Preamble p1 <->", "1 1 Overview p1 <->",
                "2 1.1 Architecture p1 <1 Overview>", "1 2 Messages p2 <->", "2 2.1 Add Order p2 <2 Messages>",
                "2 2.2 Cancel Order p2 <2 Messages>", "1 Appendix A Reject Codes p3 <->");
        assertThat(contents(result)).containsEntry("Preamble", "Order Entry Protocol\nVersion 3, March 2024")
            .containsEntry("2 Messages",
                    "To enter an order a member does the following:\n"
                            + "1. Send a login request.\n2. Wait for the login response.")
            .containsEntry("2.1 Add Order",
                    "The Add Order message has these fields:\n"
                            + "Field Offset Length Type\nMessage Type 0 1 Alpha\nPrice 4 8 Integer\n"
                            + "12 Quantity 4 Integer\n3 Integer fields follow the price.")
            .containsEntry("Appendix A Reject Codes", "Codes sent with a reject.");
        assertWellFormed(result);
        assertThat(coverage(analysis)).isEqualTo(1.0);
    }

    @Test
    void unnumberedHeadingsTakeTheirLevelFromTheirSize() throws Exception {
        // given: a cover page, then 18 pt and 14 pt bold headings without numbers
        TestPdf pdf = new TestPdf().title("Market Data Feed")
            .page()
            .heading("Market Data Feed", 24, true)
            .text("Interface specification");
        pdf.page()
            .heading("Introduction", 18, true)
            .text("The feed publishes every order book change.")
            .heading("Background", 14, true)
            .text("It replaces the previous feed.")
            .heading("Scope", 14, true)
            .text("Equities and options.")
            .heading("Messages", 18, true)
            .text("Messages are sent in packets.")
            .heading("Login", 14, true)
            .text("The first message of a session.");
        Path file = pdf.save(directory, "sizes.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(tree(result)).containsExactly("1 Market Data Feed p1 <->", "1 Introduction p2 <->",
                "2 Background p2 <Introduction>", "2 Scope p2 <Introduction>", "1 Messages p2 <->",
                "2 Login p2 <Messages>");
        assertThat(result.sections()).extracting(ParsedSection::content)
            .containsExactly("Market Data Feed\nInterface specification", "The feed publishes every order book change.",
                    "It replaces the previous feed.", "Equities and options.", "Messages are sent in packets.",
                    "The first message of a session.");
    }

    @Test
    void runningHeadersFootersAndPageNumbersAreDropped() throws Exception {
        // given: five pages, each with the same header, a page footer and a
        // confidentiality line
        TestPdf pdf = new TestPdf();
        for (int page = 1; page <= 5; page++) {
            pdf.page()
                .at("ACME Exchange - Order Entry Specification v2.1", 8, false, TestPdf.LEFT, 30)
                .at("Page " + page + " of 5", 8, false, 480, 750)
                .at("Confidential " + (2020 + page), 8, false, TestPdf.LEFT, 750)
                .heading(page + " Chapter " + page, 14, true)
                .text("Body text of chapter " + page + ".", "More text on page " + page + ".");
        }
        Path file = pdf.save(directory, "furniture.pdf");

        // when
        DocumentSplitter.Analysis analysis = splitter.analyse(file, true);
        SplitResult result = analysis.result();

        // then
        assertThat(tree(result)).containsExactly("1 1 Chapter 1 p1 <->", "1 2 Chapter 2 p2 <->", "1 3 Chapter 3 p3 <->",
                "1 4 Chapter 4 p4 <->", "1 5 Chapter 5 p5 <->");
        assertThat(contents(result)).containsEntry("3 Chapter 3", "Body text of chapter 3.\nMore text on page 3.");
        assertThat(result.sections())
            .allSatisfy(section -> assertThat(section.content()).doesNotContain("ACME Exchange")
                .doesNotContain("Page ")
                .doesNotContain("Confidential"));
        assertThat(coverage(analysis)).isEqualTo(1.0);
    }

    @Test
    void contentsPageIsRecognisedAndLeftOut() throws Exception {
        // given: a contents page with dot leaders and page numbers, then the chapters
        TestPdf pdf = new TestPdf().page()
            .heading("Gateway Specification", 20, true)
            .heading("Table of Contents", 14, true)
            .text("1 Overview .............................................. 2",
                    "2 Messages .............................................. 2",
                    "2.1 Add Order ........................................... 3");
        pdf.page()
            .heading("1 Overview", 14, true)
            .text("What the gateway does.")
            .heading("2 Messages", 14, true)
            .text("What it sends.");
        pdf.page().heading("2.1 Add Order", 12, true).text("Adds an order.");
        Path file = pdf.save(directory, "toc.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(tree(result)).containsExactly("1 Preamble p1 <->", "1 1 Overview p2 <->", "1 2 Messages p2 <->",
                "2 2.1 Add Order p3 <2 Messages>");
        assertThat(result.sections()).extracting(ParsedSection::content)
            .containsExactly("Gateway Specification", "What the gateway does.", "What it sends.", "Adds an order.");
    }

    @Test
    void wordsHyphenatedAcrossLinesAreRejoinedButRealHyphensStay() throws Exception {
        // given
        TestPdf pdf = new TestPdf().page()
            .heading("1 Gateway", 14, true)
            .text("The gateway is a straightforward implemen-", "tation of the protocol. It accepts", "Add-",
                    "Order messages and time-", "stamps them.");
        Path file = pdf.save(directory, "hyphens.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(contents(result)).containsEntry("1 Gateway",
                "The gateway is a straightforward implementation of the protocol. It accepts\n"
                        + "Add-\nOrder messages and timestamps them.");
    }

    @Test
    void textBeforeTheFirstHeadingIsAFirstSectionTitledWithThePdfTitle() throws Exception {
        // given
        TestPdf pdf = new TestPdf().title("Clearing Interface")
            .page()
            .text("This edition replaces all earlier ones.", "Read it in full.")
            .heading("1 Purpose", 14, true)
            .text("Why clearing needs an interface.");
        Path file = pdf.save(directory, "preamble.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(tree(result)).containsExactly("1 Clearing Interface p1 <->", "1 1 Purpose p1 <->");
        assertThat(result.sections().get(0).content())
            .isEqualTo("This edition replaces all earlier ones.\nRead it in full.");
        assertThat(result.info().title()).isEqualTo("Clearing Interface");
    }

    @Test
    void plainTextDocumentIsSplitAtItsNumberedHeadings() throws Exception {
        // given: one font, one size (like an RFC rendered to PDF); headings stand apart
        // and follow each other
        TestPdf pdf = new TestPdf().page()
            .text("RFC 9999")
            .gap(20)
            .text("1. INTRODUCTION")
            .gap(10)
            .text("This protocol is intended for testing.", "It has two parts, and this paragraph", "has three lines.")
            .gap(10)
            .text("1.1. Motivation")
            .gap(10)
            .text("Testing needs documents of known structure,", "documents with several lines per", "paragraph.")
            .gap(10)
            .text("2. PHILOSOPHY")
            .gap(10)
            .text("3 octets make a point, 4 make a word,", "and 8 make a long word.")
            .gap(10)
            .text("Simple is better.");
        Path file = pdf.save(directory, "plain.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(tree(result)).containsExactly("1 Preamble p1 <->", "1 1. INTRODUCTION p1 <->",
                "2 1.1. Motivation p1 <1. INTRODUCTION>", "1 2. PHILOSOPHY p1 <->");
        assertThat(contents(result)).containsEntry("2. PHILOSOPHY",
                "3 octets make a point, 4 make a word,\nand 8 make a long word.\nSimple is better.");
    }

    @Test
    void headingWrappedOntoTwoLinesIsOneTitle() throws Exception {
        // given
        TestPdf pdf = new TestPdf().page()
            .heading("1 Overview", 14, true)
            .text("This overview is long enough to make the body text the most common text,",
                    "which is what running text in a real specification is.")
            .gap(14)
            .write("2 Reference Price and Auction Price Without Turnover for", 14, true, TestPdf.LEFT, 3)
            .write("Cash Markets", 14, true, TestPdf.LEFT + 20, 8)
            .text("How the reference price is published, and when, for every instrument of a cash market.");
        Path file = pdf.save(directory, "wrapped.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(tree(result)).containsExactly("1 1 Overview p1 <->",
                "1 2 Reference Price and Auction Price Without Turnover for Cash Markets p1 <->");
        assertThat(result.sections().get(1).content())
            .isEqualTo("How the reference price is published, and when, for every instrument of a cash market.");
    }

    @Test
    void oneSplitterSplitsSeveralDocumentsAtOnce() throws Exception {
        // given
        Path first = new TestPdf().page()
            .heading("1 Alpha", 14, true)
            .text("Alpha text.")
            .heading("2 Beta", 14, true)
            .text("Beta text.")
            .save(directory, "first.pdf");
        Path second = new TestPdf().page()
            .heading("1 Gamma", 14, true)
            .text("Gamma has a longer text.")
            .save(directory, "second.pdf");

        // when
        var results = java.util.stream.IntStream.range(0, 8).parallel().mapToObj(i -> {
            try {
                return tree(splitter.split(i % 2 == 0 ? first : second));
            }
            catch (SplitFailed e) {
                throw new IllegalStateException(e);
            }
        }).toList();

        // then
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i)).isEqualTo(i % 2 == 0 ? java.util.List.of("1 1 Alpha p1 <->", "1 2 Beta p1 <->")
                    : java.util.List.of("1 1 Gamma p1 <->"));
        }
    }

}
