package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.edm.events.FailureReason;
import org.edm.testsupport.SharedCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the shared corpus splits, or fails with the reason its manifest note
 * calls for. Skipped when the corpus is not there, except on CI (see
 * {@link SharedCorpus#require()}).
 */
class CorpusSplitTest {

    private final DocumentSplitter splitter = new DocumentSplitter(SplitSettings.defaults());

    @TestFactory
    Stream<DynamicTest> everyCorpusFileSplitsOrFailsWithTheExpectedReason() {
        List<Corpus.Entry> entries = Corpus.entries(Corpus.require());
        assertThat(entries).as("corpus manifest rows").isNotEmpty();
        // a manifest row whose PDF is missing is a test of its own that fails, not a row
        // silently dropped
        return entries.stream().map(entry -> DynamicTest.dynamicTest(entry.name(), () -> {
            assertThat(entry.file()).as("PDF named by the manifest").isRegularFile();
            check(entry);
        }));
    }

    @Test
    void theHeadingsMoldUdp64sOutlineLacksAreSectionsToo() throws SplitFailed {
        Path mold = SharedCorpus.file("Mold.Udp64.v1.0.pdf");

        SplitResult result = splitter.split(mold);

        assertThat(result.info().headingSource()).isEqualTo("outline+layout");
        assertThat(result.sections()).extracting(ParsedSection::title)
            .contains("Overview", "Downstream Packet", "Session", "Request Packet", "Version Control");
        ParsedSection request = result.sections()
            .stream()
            .filter(x -> x.title().equals("Request Packet"))
            .findFirst()
            .orElseThrow();
        assertThat(request.level()).isEqualTo(1);
        assertThat(request.content()).as("its text no longer belongs to the section before").isNotBlank();
        SplitAssertions.assertWellFormed(result);
    }

    private void check(Corpus.Entry entry) {
        DocumentSplitter.Analysis analysis;
        try {
            analysis = splitter.analyse(entry.file(), true);
        }
        catch (SplitFailed failure) {
            if (entry.mayFailAsDamaged()) {
                assertThat(failure.reason()).as(failure.getMessage()).isEqualTo(FailureReason.DAMAGED);
            }
            else {
                assertThat(failure.reason()).as(failure.getMessage()).isEqualTo(entry.expectedFailure());
            }
            return;
        }
        assertThat(entry.expectedFailure()).as("expected to fail, but split").isNull();
        SplitResult result = analysis.result();
        assertThat(result.sections()).isNotEmpty();
        SplitAssertions.assertWellFormed(result);
        if (entry.pages() != null) {
            assertThat(result.info().pageCount()).isEqualTo(entry.pages());
        }
        if ("yes".equals(entry.encrypted())) {
            assertThat(result.info().encrypted()).isTrue();
        }
        Integer outlineEntries = entry.outlineEntries();
        if (outlineEntries != null && outlineEntries > 0) {
            // every entry is a section, plus possibly the text before the first one;
            // contents entries are dropped;
            // headings the outline lacks may come from the layout
            int added = analysis.addedToOutline().size();
            assertThat(result.info().headingSource()).isEqualTo(added == 0 ? "outline" : "outline+layout");
            assertThat(result.sections().size()).isBetween(outlineEntries - 2, outlineEntries + 1 + added);
            assertThat(added).as("headings added to the outline").isLessThanOrEqualTo(outlineEntries / 5 + 5);
        }
        else if (!entry.mayFailAsDamaged()) {
            assertThat(result.info().headingSource()).isEqualTo("layout");
            assertThat(result.sections().size()).as("layout headings found").isGreaterThan(5);
        }
        assertThat(SplitAssertions.coverage(analysis)).as("share of the text's words in the sections")
            .isGreaterThanOrEqualTo(0.995);
    }

}
