package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.parser.split.SplitAssertions.assertWellFormed;
import static org.edm.parser.split.SplitAssertions.contents;
import static org.edm.parser.split.SplitAssertions.coverage;
import static org.edm.parser.split.SplitAssertions.tree;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.edm.testsupport.TestPdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents with an outline: the outline is the heading tree, destinations cut the text.
 */
class OutlineSplitTest {

    private final DocumentSplitter splitter = new DocumentSplitter(SplitSettings.defaults());

    @TempDir
    Path directory;

    @Test
    void outlineEntriesBecomeSectionsAtTheirDepthAndHeadingsOnOnePageSplitIt() throws Exception {
        // given: three levels, three headings on page 2 and three on page 3, XYZ
        // destinations at each heading
        TestPdf pdf = new TestPdf().title("ACME Order Entry")
            .page()
            .heading("ACME Order Entry", 24, true)
            .text("Version 1.0", "Published by the ACME exchange.");
        pdf.page()
            .bookmarkHere("1 Introduction", 1)
            .heading("1 Introduction", 16, true)
            .text("This document describes order entry.")
            .bookmarkHere("1.1 Scope", 2)
            .heading("1.1 Scope", 13, true)
            .text("It covers equities only.")
            .bookmarkHere("1.2 Terms", 2)
            .heading("1.2 Terms", 13, true)
            .text("A participant is a member firm.");
        pdf.page()
            .bookmarkHere("2 Messages", 1)
            .heading("2 Messages", 16, true)
            .text("All messages are binary.")
            .bookmarkHere("2.1 Add Order", 2)
            .heading("2.1 Add Order", 13, true)
            .text("Adds an order to the book.")
            .bookmarkHere("2.1.1 Fields", 3)
            .heading("2.1.1 Fields", 11, true)
            .text("Price, quantity and side.");
        Path file = pdf.save(directory, "outline.pdf");

        // when
        DocumentSplitter.Analysis analysis = splitter.analyse(file, true);
        SplitResult result = analysis.result();

        // then
        assertThat(result.info().headingSource()).isEqualTo("outline");
        assertThat(result.info().outlinePresent()).isTrue();
        assertThat(result.info().pageCount()).isEqualTo(3);
        assertThat(tree(result)).containsExactly("1 ACME Order Entry p1 <->", "1 1 Introduction p2 <->",
                "2 1.1 Scope p2 <1 Introduction>", "2 1.2 Terms p2 <1 Introduction>", "1 2 Messages p3 <->",
                "2 2.1 Add Order p3 <2 Messages>", "3 2.1.1 Fields p3 <2.1 Add Order>");
        assertThat(result.sections()).extracting(ParsedSection::content)
            .containsExactly("ACME Order Entry\nVersion 1.0\nPublished by the ACME exchange.",
                    "This document describes order entry.", "It covers equities only.",
                    "A participant is a member firm.", "All messages are binary.", "Adds an order to the book.",
                    "Price, quantity and side.");
        assertThat(result.sections()).extracting(ParsedSection::parentIndex)
            .containsExactly(null, null, 1, 1, null, 4, 5);
        assertWellFormed(result);
        assertThat(coverage(analysis)).isEqualTo(1.0);
    }

    @Test
    void pageOnlyDestinationsAreFoundByTheirTitleOnThePage() throws Exception {
        // given: /Fit destinations (no coordinate), two headings on one page
        TestPdf pdf = new TestPdf().page()
            .heading("Session", 14, true)
            .text("A session is a sequence of messages.")
            .heading("Downstream Packet", 14, true)
            .text("Packets carry messages downstream.");
        pdf.page().heading("Heartbeats", 14, true).text("Heartbeats are sent every second.");
        pdf.bookmarkFit("Session", 1, 0).bookmarkFit("Downstream Packet", 1, 0).bookmarkFit("Heartbeats", 2, 1);
        Path file = pdf.save(directory, "fit.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(tree(result)).containsExactly("1 Session p1 <->", "1 Downstream Packet p1 <->",
                "2 Heartbeats p2 <Downstream Packet>");
        assertThat(contents(result)).containsEntry("Session", "A session is a sequence of messages.")
            .containsEntry("Downstream Packet", "Packets carry messages downstream.")
            .containsEntry("Heartbeats", "Heartbeats are sent every second.");
    }

    @Test
    void namedDestinationsResolveThroughTheCatalog() throws Exception {
        // given: GoTo actions to named destinations in the catalog's /Dests
        TestPdf pdf = new TestPdf().page();
        float first = pdf.cursorTop() + 2;
        pdf.heading("Login", 14, true).text("Log in first.");
        float second = pdf.cursorTop() + 2;
        pdf.heading("Logout", 14, true).text("Log out last.");
        pdf.bookmarkNamed("Login", 1, 0, first, "sec.login").bookmarkNamed("Logout", 1, 0, second, "sec.logout");
        Path file = pdf.save(directory, "named.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(tree(result)).containsExactly("1 Login p1 <->", "1 Logout p1 <->");
        assertThat(contents(result)).containsEntry("Login", "Log in first.").containsEntry("Logout", "Log out last.");
    }

    @Test
    void entriesWithoutDestinationAreFoundByTitleOrPlacedAtTheNextEntryNeverDropped() throws Exception {
        // given: "2 Messages" has no destination but is printed; "Reserved" has none and
        // is not printed
        TestPdf pdf = new TestPdf().page()
            .bookmarkHere("1 Overview", 1)
            .heading("1 Overview", 14, true)
            .text("Overview text.")
            .heading("2 Messages", 14, true)
            .text("Messages text.");
        pdf.bookmarkNowhere("2 Messages", 1).bookmarkNowhere("Reserved", 2);
        pdf.page().bookmarkHere("3 Support", 1).heading("3 Support", 14, true).text("Support text.");
        Path file = pdf.save(directory, "nowhere.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(tree(result)).containsExactly("1 1 Overview p1 <->", "1 2 Messages p1 <->",
                "2 Reserved p2 <2 Messages>", "1 3 Support p2 <->");
        assertThat(result.sections()).extracting(ParsedSection::content)
            .containsExactly("Overview text.", "Messages text.", "", "Support text.");
    }

    @Test
    void printedSectionNumberJoinsAnOutlineTitleWithoutOne() throws Exception {
        // given: the outline says "Adding an Order", the page says "4.2 Adding an Order"
        TestPdf pdf = new TestPdf().page()
            .bookmarkHere("Order Book Management", 1)
            .heading("4 Order Book Management", 16, true)
            .text("How the book is kept.")
            .bookmarkHere("Adding an Order", 2)
            .heading("4.2 Adding an Order", 13, true)
            .text("An order is added at its price level.");
        Path file = pdf.save(directory, "numbers.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(tree(result)).containsExactly("1 4 Order Book Management p1 <->",
                "2 4.2 Adding an Order p1 <4 Order Book Management>");
        assertThat(result.sections()).extracting(ParsedSection::content)
            .containsExactly("How the book is kept.", "An order is added at its price level.");
    }

    @Test
    void destinationWithoutPrintedTitleCutsAtItsCoordinate() throws Exception {
        // given: an entry whose title is not printed; its XYZ destination points between
        // two paragraphs
        TestPdf pdf = new TestPdf().page()
            .bookmarkHere("Part One", 1)
            .text("First paragraph line one.", "First paragraph line two.")
            .gap(10);
        pdf.bookmarkHere("Part Two", 1).text("Second paragraph.");
        Path file = pdf.save(directory, "coordinate.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(tree(result)).containsExactly("1 Part One p1 <->", "1 Part Two p1 <->");
        assertThat(result.sections()).extracting(ParsedSection::content)
            .containsExactly("First paragraph line one.\nFirst paragraph line two.", "Second paragraph.");
    }

    @Test
    void cyclicOutlineIsReadOnce() throws Exception {
        // given: the second entry's first child is the first entry: following /First
        // never ends
        TestPdf pdf = new TestPdf().page()
            .bookmarkHere("Alpha", 1)
            .heading("Alpha", 14, true)
            .text("Alpha text.")
            .bookmarkHere("Beta", 1)
            .heading("Beta", 14, true)
            .text("Beta text.")
            .finishing(document -> {
                PDOutlineItem alpha = document.getDocumentCatalog().getDocumentOutline().getFirstChild();
                PDOutlineItem beta = alpha.getNextSibling();
                beta.getCOSObject().setItem(COSName.FIRST, alpha.getCOSObject());
                beta.getCOSObject().setItem(COSName.LAST, alpha.getCOSObject());
                // and a sibling loop: Beta's next is Alpha again
                beta.getCOSObject().setItem(COSName.NEXT, alpha.getCOSObject());
            });
        Path file = pdf.save(directory, "cyclic.pdf");
        DocumentSplitter quick = new DocumentSplitter(new SplitSettings(1 << 20, 100, Duration.ofSeconds(20)));

        // when
        SplitResult result = quick.split(file);

        // then
        assertThat(tree(result)).containsExactly("1 Alpha p1 <->", "1 Beta p1 <->");
        assertThat(result.sections()).extracting(ParsedSection::content).containsExactly("Alpha text.", "Beta text.");
    }

    @Test
    void outlinePointingBackwardsNeitherLosesNorRepeatsText() throws Exception {
        // given: the third entry points to page 1, before the second entry's page 2
        TestPdf pdf = new TestPdf().page().bookmarkHere("One", 1).heading("One", 14, true).text("Text of one.");
        pdf.page().bookmarkHere("Two", 1).heading("Two", 14, true).text("Text of two.");
        pdf.bookmark("Three", 1, 0, TestPdf.PAGE_HEIGHT - 72);
        Path file = pdf.save(directory, "backwards.pdf");

        // when
        DocumentSplitter.Analysis analysis = splitter.analyse(file, true);

        // then
        assertThat(tree(analysis.result())).containsExactly("1 One p1 <->", "1 Two p2 <->", "1 Three p1 <->");
        assertThat(analysis.result().sections()).extracting(ParsedSection::content)
            .containsExactly("Text of one.", "Text of two.", "");
        assertThat(coverage(analysis)).isEqualTo(1.0);
    }

    @Test
    void contentsPageIsNeitherSectionNorContent() throws Exception {
        // given: a contents page with its own outline entry, then the chapters
        TestPdf pdf = new TestPdf().page()
            .bookmarkHere("Contents", 1)
            .heading("Contents", 16, true)
            .text("1 Overview ........................ 2", "2 Messages ........................ 2");
        pdf.page()
            .bookmarkHere("1 Overview", 1)
            .heading("1 Overview", 14, true)
            .text("Overview text.")
            .bookmarkHere("2 Messages", 1)
            .heading("2 Messages", 14, true)
            .text("Messages text.");
        Path file = pdf.save(directory, "contents.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(tree(result)).containsExactly("1 1 Overview p2 <->", "1 2 Messages p2 <->");
        assertThat(result.sections()).extracting(ParsedSection::content)
            .containsExactly("Overview text.", "Messages text.");
    }

    @Test
    void outlineWhoseEntriesAllLeadToPageOneGivesWayToTheLayout() throws Exception {
        // given: six pages with numbered headings, and an outline that sends every entry
        // to page 1
        TestPdf pdf = new TestPdf();
        for (int chapter = 1; chapter <= 6; chapter++) {
            pdf.page()
                .heading(chapter + " Chapter Title " + (char) ('A' + chapter), 14, true)
                .text("The text of this chapter is long enough to be the body text of the page.");
            pdf.bookmarkFit("Entry " + chapter, 1, 0);
        }
        Path file = pdf.save(directory, "useless-outline.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(result.info().outlinePresent()).isTrue();
        assertThat(result.info().headingSource()).isEqualTo("layout");
        assertThat(result.sections()).hasSize(6);
        assertThat(result.sections().get(5).title()).isEqualTo("6 Chapter Title G");
    }

}
