package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.edm.events.FailureReason;
import org.edm.testsupport.TestPdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that cannot be split fail with a reason; files that can, even oddly made ones, do
 * not.
 */
class SplitFailureTest {

    private final DocumentSplitter splitter = new DocumentSplitter(SplitSettings.defaults());

    @TempDir
    Path directory;

    @Test
    void bytesThatAreNoPdfFailAsNotAPdf() throws Exception {
        // given
        Path file = Files.writeString(directory.resolve("notes.pdf"), "Just some notes, not a PDF at all.\n");

        // when
        SplitFailed failure = catchThrowableOfType(SplitFailed.class, () -> splitter.split(file));

        // then
        assertThat(failure.reason()).isEqualTo(FailureReason.NOT_A_PDF);
        assertThat(failure.reason().code()).isEqualTo("not_a_pdf");
    }

    @Test
    void emptyFileFailsAsNotAPdf() throws Exception {
        Path file = Files.write(directory.resolve("empty.pdf"), new byte[0]);

        SplitFailed failure = catchThrowableOfType(SplitFailed.class, () -> splitter.split(file));

        assertThat(failure.reason()).isEqualTo(FailureReason.NOT_A_PDF);
    }

    @Test
    void truncatedPdfFailsAsDamaged() throws Exception {
        // given: the first 60 % of a good PDF
        byte[] whole = sampleDocument().bytes();
        Path file = Files.write(directory.resolve("cut.pdf"), Arrays.copyOf(whole, whole.length * 6 / 10));

        // when
        SplitFailed failure = catchThrowableOfType(SplitFailed.class, () -> splitter.split(file));

        // then
        assertThat(failure.reason()).isEqualTo(FailureReason.DAMAGED);
        assertThat(failure.reason().code()).isEqualTo("damaged");
    }

    @Test
    void pdfHeaderWithGarbageBehindItFailsAsDamaged() throws Exception {
        // given
        byte[] garbage = "%PDF-1.7\n\u0001\u0002 garbage that no parser can read \n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(directory.resolve("garbage.pdf"), garbage);

        // when
        SplitFailed failure = catchThrowableOfType(SplitFailed.class, () -> splitter.split(file));

        // then
        assertThat(failure.reason()).isIn(FailureReason.DAMAGED, FailureReason.NO_TEXT);
    }

    @Test
    void pdfNeedingAUserPasswordFailsAsEncrypted() throws Exception {
        // given
        Path file = sampleDocument().encrypt("user-secret").save(directory, "locked.pdf");

        // when
        SplitFailed failure = catchThrowableOfType(SplitFailed.class, () -> splitter.split(file));

        // then
        assertThat(failure.reason()).isEqualTo(FailureReason.ENCRYPTED);
        assertThat(failure.reason().code()).isEqualTo("encrypted");
    }

    @Test
    void pdfEncryptedWithAnEmptyUserPasswordIsReadAndMarkedEncrypted() throws Exception {
        // given: opens without a password, even forbids extraction; we own the document,
        // so we read it
        Path file = sampleDocument().encrypt("").save(directory, "owner-only.pdf");

        // when
        SplitResult result = splitter.split(file);

        // then
        assertThat(result.info().encrypted()).isTrue();
        assertThat(SplitAssertions.tree(result)).containsExactly("1 1 Scope p1 <->", "1 2 Orders p1 <->");
    }

    @Test
    void aMissingFileIsTheCallersErrorNotASplitFailure() {
        // the worker checks the stored file and reports file_missing itself, before it
        // calls the splitter
        UncheckedIOException failure = catchThrowableOfType(UncheckedIOException.class,
                () -> splitter.split(directory.resolve("nowhere.pdf")));

        assertThat(failure).hasCauseInstanceOf(NoSuchFileException.class);
    }

    @Test
    void pagesWithoutTextFailAsNoText() throws Exception {
        // given: like a scan, something on every page but no text
        TestPdf pdf = new TestPdf();
        for (int i = 0; i < 3; i++) {
            pdf.page().box();
        }
        Path file = pdf.save(directory, "scan.pdf");

        // when
        SplitFailed failure = catchThrowableOfType(SplitFailed.class, () -> splitter.split(file));

        // then
        assertThat(failure.reason()).isEqualTo(FailureReason.NO_TEXT);
        assertThat(failure.reason().code()).isEqualTo("no_text");
    }

    @Test
    void morePagesThanAllowedFailAsTooLarge() throws Exception {
        // given
        TestPdf pdf = new TestPdf();
        for (int i = 1; i <= 3; i++) {
            pdf.page().text("Page " + i + " of a long document.");
        }
        Path file = pdf.save(directory, "long.pdf");
        DocumentSplitter strict = new DocumentSplitter(new SplitSettings(1 << 20, 2, Duration.ofMinutes(1)));

        // when
        SplitFailed failure = catchThrowableOfType(SplitFailed.class, () -> strict.split(file));

        // then
        assertThat(failure.reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(failure.reason().code()).isEqualTo("too_large");
    }

    @Test
    void splitOverTheTimeoutFailsAsTimeout() throws Exception {
        // given
        Path file = sampleDocument().save(directory, "slow.pdf");
        DocumentSplitter hasty = new DocumentSplitter(new SplitSettings(1 << 20, 100, Duration.ofNanos(1)));

        // when
        SplitFailed failure = catchThrowableOfType(SplitFailed.class, () -> hasty.split(file));

        // then
        assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(failure.reason().code()).isEqualTo("timeout");
    }

    @Test
    void tinyMemoryLimitStillSplitsThroughTemporaryFiles() throws Exception {
        // given
        Path file = sampleDocument().save(directory, "small-memory.pdf");
        DocumentSplitter frugal = new DocumentSplitter(new SplitSettings(1024, 100, Duration.ofMinutes(1)));

        // when
        SplitResult result = frugal.split(file);

        // then
        assertThat(result.sections()).hasSize(2);
    }

    private static TestPdf sampleDocument() {
        return new TestPdf().page()
            .heading("1 Scope", 14, true)
            .text("This document covers the order entry gateway and its messages.")
            .heading("2 Orders", 14, true)
            .text("Orders are entered, replaced and cancelled through the gateway.");
    }

}
