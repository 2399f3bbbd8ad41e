package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edm.testsupport.TestPdf;
import org.edm.versions.ChangeKind;
import org.edm.versions.Comparison;
import org.edm.versions.Hunk;
import org.edm.versions.Section;
import org.edm.versions.SectionChange;
import org.edm.versions.VersionComparer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two versions of a specification built as PDFs with known edits, split by the splitter
 * and compared by the versions library: the diff reports exactly the edits, and nothing
 * for layout, running headers, page numbers, dates or version strings.
 */
class VersionDiffPdfTest {

    private final DocumentSplitter splitter = new DocumentSplitter(SplitSettings.defaults());

    @TempDir
    Path directory;

    /** One heading and its body lines; the number is computed from the position. */
    private record Part(int level, String title, List<String> body) {
    }

    private static List<Part> base() {
        List<Part> parts = new ArrayList<>();
        String[] chapters = { "Introduction", "Session Management", "Order Entry", "Market Data" };
        String[][] subsections = { { "Purpose", "Audience", "Conventions" }, { "Logon", "Heartbeat", "Logout" },
                { "New Order", "Cancel Order", "Replace Order" },
                { "Snapshot", "Incremental Update", "Trade Report" } };
        for (int c = 0; c < chapters.length; c++) {
            parts.add(new Part(1, chapters[c],
                    List.of("This chapter describes " + chapters[c].toLowerCase() + " for members of the exchange.")));
            for (String sub : subsections[c]) {
                parts.add(new Part(2, sub,
                        List.of("The " + sub.toLowerCase() + " message is sent by the participant to the exchange when",
                                "the " + sub.toLowerCase() + " step of " + chapters[c].toLowerCase()
                                        + " begins; it carries",
                                "a sequence number and the " + sub.toLowerCase().replace(' ', '-') + " identifier.")));
            }
        }
        return parts;
    }

    /**
     * Builds the PDF: numbered headings with bookmarks, {@code perPage} sections a page,
     * header and footer.
     */
    private Path pdf(String name, List<Part> parts, String header, int perPage) {
        TestPdf pdf = new TestPdf().title("ACME EOBI");
        int[] numbers = new int[4];
        int page = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (i % perPage == 0) {
                pdf.page();
                page++;
                pdf.at(header, 8, false, TestPdf.LEFT, 30);
                pdf.at("Page " + page, 8, false, 300, 750);
            }
            Part part = parts.get(i);
            numbers[part.level() - 1]++;
            for (int l = part.level(); l < numbers.length; l++) {
                numbers[l] = 0;
            }
            String number = part.level() == 1 ? String.valueOf(numbers[0]) : numbers[0] + "." + numbers[1];
            String title = number + " " + part.title();
            pdf.bookmarkHere(title, part.level()).heading(title, part.level() == 1 ? 16 : 13, true);
            pdf.text(part.body().toArray(String[]::new));
        }
        return pdf.save(directory, name);
    }

    private List<Section> sections(Path file) throws SplitFailed {
        return sections(splitter, file);
    }

    /**
     * The file's sections as the version comparer reads them (also for the corpus
     * benchmark).
     */
    static List<Section> sections(DocumentSplitter splitter, Path file) throws SplitFailed {
        List<Section> sections = new ArrayList<>();
        for (ParsedSection parsed : splitter.split(file).sections()) {
            sections.add(new Section(parsed.orderIndex(), parsed.level(), parsed.parentIndex(), parsed.title(),
                    parsed.content()));
        }
        return sections;
    }

    private Comparison compare(List<Part> older, List<Part> newer) throws SplitFailed {
        Path from = pdf("v1.pdf", older, "ACME EOBI Interface Version 13.0 - 1 March 2024", 3);
        Path to = pdf("v2.pdf", newer, "ACME EOBI Interface Version 13.0 - 1 March 2024", 3);
        return VersionComparer.compare(sections(from), sections(to));
    }

    @Test
    void identicalDocumentsAreAllUnchanged() throws Exception {
        // when
        Comparison comparison = compare(base(), base());

        // then
        assertThat(comparison.changes()).hasSize(16)
            .allSatisfy(change -> assertThat(change.kind()).isEqualTo(ChangeKind.UNCHANGED));
    }

    @Test
    void oneChangedSentenceIsExactlyOneChangedSectionWithThatHunk() throws Exception {
        // given
        List<Part> newer = base();
        Part logon = newer.get(5);
        newer.set(5, new Part(2, logon.title(), List.of(logon.body().get(0), logon.body().get(1),
                "a sequence number, a session token and the logon identifier.")));

        // when
        List<SectionChange> differences = compare(base(), newer).differences();

        // then
        assertThat(differences).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.CHANGED);
            assertThat(change.toTitle()).isEqualTo("2.1 Logon");
            assertThat(change.hunks()).extracting(Hunk::removed, Hunk::added)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("number", "number, a session token"));
        });
    }

    @Test
    void aSectionInsertedNearTheStartRenumberingAllLaterOnesIsExactlyOneAdded() throws Exception {
        // given: a new chapter 2, so chapters 2-4 become 3-5 with all their subsections
        List<Part> newer = base();
        newer.add(4, new Part(1, "Connectivity", List.of("Members connect through two leased lines.")));

        // when
        List<SectionChange> differences = compare(base(), newer).differences();

        // then
        assertThat(differences).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.ADDED);
            assertThat(change.toTitle()).isEqualTo("2 Connectivity");
        });
    }

    @Test
    void aSectionMovedToAnotherChapterIsExactlyOneMoved() throws Exception {
        // given: "Heartbeat" (2.2) moves to the end of chapter 4 (4.4)
        List<Part> newer = base();
        Part heartbeat = newer.remove(6);
        newer.add(heartbeat);

        // when
        List<SectionChange> differences = compare(base(), newer).differences();

        // then
        assertThat(differences).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.MOVED);
            assertThat(change.fromTitle()).isEqualTo("2.2 Heartbeat");
            assertThat(change.toTitle()).isEqualTo("4.4 Heartbeat");
        });
    }

    @Test
    void aHeadingRewordedWithTheSameBodyIsExactlyOneRenamed() throws Exception {
        // given
        List<Part> newer = base();
        Part cancel = newer.get(10);
        newer.set(10, new Part(2, "Order Cancellation Request", cancel.body()));

        // when
        List<SectionChange> differences = compare(base(), newer).differences();

        // then
        assertThat(differences).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.RENAMED);
            assertThat(change.fromTitle()).isEqualTo("3.2 Cancel Order");
            assertThat(change.toTitle()).isEqualTo("3.2 Order Cancellation Request");
        });
    }

    @Test
    void otherPageBreaksPageNumbersDatesAndVersionInTheRunningHeaderChangeNothing() throws Exception {
        // given: the same text, laid out two sections a page instead of three, with
        // another header
        Path from = pdf("v1.pdf", base(), "ACME EOBI Interface Version 13.0 - 1 March 2024", 3);
        Path to = pdf("v2.pdf", base(), "ACME EOBI Interface Version 13.1 - 14 February 2025", 2);

        // when
        Comparison comparison = VersionComparer.compare(sections(from), sections(to));

        // then
        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.toKeys()).isEqualTo(comparison.fromKeys());
    }

}
