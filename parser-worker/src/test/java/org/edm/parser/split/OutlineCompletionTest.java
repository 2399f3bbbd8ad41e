package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.edm.testsupport.TestPdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutlineCompletionTest {

    private static final float[] COLUMNS = { 72, 170, 230, 320 };

    @TempDir
    Path directory;

    /** An outline of five headings at lines 10..50 on levels 1, 2, 2, 1, 2. */
    final List<Heading> outline = List.of(new Heading(10, 1, "Overview", 1, 1), new Heading(20, 1, "Terms", 2, 1),
            new Heading(30, 1, "Message", 2, 2), new Heading(40, 1, "Downstream Packet", 1, 3),
            new Heading(50, 1, "Header", 2, 3));

    /**
     * The layout detector found them all (its own level numbers 3 and 5) and two more.
     */
    final List<Heading> detected = List.of(new Heading(10, 1, "Overview", 3, 1), new Heading(21, 1, "Terms", 5, 1),
            new Heading(30, 1, "Message", 5, 2), new Heading(35, 1, "Session", 5, 2),
            new Heading(40, 1, "Downstream Packet", 3, 3), new Heading(50, 1, "Header", 5, 3),
            new Heading(60, 1, "Request Packet", 3, 4));

    @Test
    void addsWhatTheLayoutFoundBeyondTheOutlineAtTheOutlineLevelsItsMatchesHad() {
        List<Heading> added = OutlineCompletion.missing(outline, detected);

        assertThat(added).containsExactly(new Heading(35, 1, "Session", 2, 2),
                new Heading(60, 1, "Request Packet", 1, 4));
        assertThat(OutlineCompletion.merged(outline, added)).extracting(Heading::title)
            .containsExactly("Overview", "Terms", "Message", "Session", "Downstream Packet", "Header",
                    "Request Packet");
    }

    @Test
    void aHeadingOnTheNextLineMatchesItsOwnOutlineHeadingNotTheOneAbove() {
        List<Heading> adjacent = List.of(new Heading(10, 1, "Terms", 1, 1), new Heading(11, 1, "Message", 2, 1),
                new Heading(20, 1, "Header", 1, 2), new Heading(21, 1, "Block", 2, 2));
        List<Heading> found = List.of(new Heading(10, 1, "Terms", 4, 1), new Heading(11, 1, "Message", 6, 1),
                new Heading(15, 1, "Session", 6, 1), new Heading(20, 1, "Header", 4, 2),
                new Heading(21, 1, "Block", 6, 2));

        assertThat(OutlineCompletion.missing(adjacent, found)).containsExactly(new Heading(15, 1, "Session", 2, 1));
    }

    @Test
    void addsNothingWhenTheLayoutMissesTooManyOutlineHeadings() {
        List<Heading> partly = detected.stream().filter(h -> !h.title().equals("Terms")).toList();

        assertThat(OutlineCompletion.missing(outline, partly)).as("4 of 5 found: below 90%% agreement").isEmpty();
    }

    @Test
    void neverGoesDeeperThanTheOutlineNorGuessesAnUnprovenLevel() {
        List<Heading> withLabels = new java.util.ArrayList<>(detected);
        // a level the detector used once for an outline heading, and one it never matched
        withLabels.set(0, new Heading(10, 1, "Overview", 2, 1));
        withLabels.add(new Heading(55, 1, "Approved_Reversal", 7, 3));

        List<Heading> added = OutlineCompletion.missing(outline, withLabels);

        assertThat(added).extracting(Heading::title)
            .as("detected level 3 now matched one outline heading only")
            .containsExactly("Session");
        List<Heading> shallow = outline.stream().map(h -> new Heading(h.line(), 1, h.title(), 1, h.page())).toList();
        assertThat(OutlineCompletion.missing(shallow, detected)).as("detected level 5 maps to outline level 1 here")
            .extracting(Heading::level)
            .containsOnly(1);
    }

    @Test
    void nothingToCompleteWithoutEitherSide() {
        assertThat(OutlineCompletion.missing(List.of(), detected)).isEmpty();
        assertThat(OutlineCompletion.missing(outline, List.of())).isEmpty();
        assertThat(OutlineCompletion.merged(outline, List.of())).isSameAs(outline);
    }

    @Test
    void onlyHeadingsTheLayoutBacksAreAddedNotTableLabelsNorExampleLabels() throws Exception {
        // given: an outline of two chapters and three subheadings, a subheading it lacks
        // ("Session"), and lines set
        // like its subheadings that are no sections: a label in a table's description
        // column, a group label
        // between table rows, and a bold "Example" over an example
        TestPdf pdf = new TestPdf().page().heading("Order Entry Protocol", 24, true).text("Version 2.1");
        pdf.page()
            .bookmarkHere("1 Overview", 1)
            .heading("1 Overview", 14, true)
            .text("The protocol carries orders from members to the exchange over TCP sessions.")
            .bookmarkHere("Terms", 2)
            .heading("Terms", 12, true)
            .text("A member is a firm admitted to trading on the exchange by its rules.")
            .bookmarkHere("Packets", 2)
            .heading("Packets", 12, true)
            .text("Every packet carries a header and zero or more messages of the protocol.")
            .heading("Session", 12, true)
            .text("A session is a sequence of packets numbered from one upwards each day.")
            .heading("Example", 12, true)
            .text("A packet with two messages has a header followed by both messages in turn.");
        pdf.page()
            .bookmarkHere("2 Messages", 1)
            .heading("2 Messages", 14, true)
            .text("All messages share one header and differ in their bodies as given below.")
            .bookmarkHere("Add Order", 2)
            .heading("Add Order", 12, true)
            .text("The Add Order message enters a new order into the book of one instrument.")
            .row(COLUMNS, "Field", "Offset", "Length", "Description")
            .row(COLUMNS, "Price", "0", "8", "The limit price of the order.")
            .row(COLUMNS, "Side", "8", "1", "Buy or sell.")
            .gap(8)
            .write("Routed Orders", 12, true, COLUMNS[3], 4)
            .write("Orders routed away carry the venue.", TestPdf.BODY_SIZE, false, COLUMNS[3], 4)
            .row(COLUMNS, "Venue", "9", "4", "Where the order went.")
            .gap(4)
            .write("Independent Venues", 12, true, TestPdf.LEFT, 2)
            .row(COLUMNS, "Quantity", "13", "4", "Shares to buy or sell.")
            .gap(12)
            .text("Orders that cannot be routed are rejected with a reason code in the response.");
        Path file = pdf.save(directory, "completion.pdf");

        // when
        DocumentSplitter.Analysis analysis = new DocumentSplitter(SplitSettings.defaults()).analyse(file, true);

        // then
        assertThat(analysis.addedToOutline()).extracting(Heading::title, Heading::level)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("Session", 2));
        assertThat(SplitAssertions.tree(analysis.result())).contains("2 Session p2 <1 Overview>");
    }

}
