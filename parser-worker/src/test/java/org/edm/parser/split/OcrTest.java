package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.edm.events.FailureReason;
import org.edm.testsupport.SharedCorpus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scanned pages (an image, no text layer) are recognised by OCR when Tesseract is
 * installed; without it the document still fails {@code no_text}, saying that OCR is not
 * available. The OCR tests are skipped without Tesseract, except on CI, where
 * {@code .ci/run} installs it.
 */
class OcrTest {

    private static final int DPI = 150;

    @TempDir
    Path dir;

    @BeforeEach
    void requireTesseract() {
        boolean available = OcrSettings.defaults().available();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(available).as("Tesseract on CI (.ci/run installs it)").isTrue();
        }
        assumeThat(available).as("Tesseract installed: " + PageOcr.availability(OcrSettings.defaults()).reason())
            .isTrue();
    }

    @Test
    void tesseractsOpenMpThreadsAreLimitedToOneUnlessTheOperatorSetTheLimit() {
        // given: the limit the JVM was started with, if any (the operator's value wins)
        String preset = System.getenv(PageOcr.OpenMp.THREAD_LIMIT);

        // when: libtesseract (and with it libgomp) is loaded
        assertThat(PageOcr.availability(OcrSettings.defaults()).available()).isTrue();

        // then: OpenMP, as loaded into this process, took the limit
        assertThat(OpenMpRuntime.INSTANCE.omp_get_thread_limit())
            .isEqualTo(preset == null || preset.isBlank() ? 1 : Integer.parseInt(preset.strip()));
    }

    @Test
    void givenAScannedPageWithoutTextLayer_whenSplit_thenItsWordsAreRecognisedAndTheHeadingsDetected()
            throws Exception {
        Path pdf = dir.resolve("scan.pdf");
        writeScan(pdf,
                List.of(List.of(new Line("1 Introduction", 22, true),
                        new Line("The exchange publishes market data over multicast.", 13, false),
                        new Line("Each message carries a sequence number and a timestamp.", 13, false),
                        new Line("Clients recover lost packets from the rewinder service.", 13, false),
                        new Line("2 Message Formats", 22, true),
                        new Line("Prices are signed integers with four implied decimals.", 13, false),
                        new Line("Quantities are unsigned integers in whole shares.", 13, false))));

        SplitResult result = new DocumentSplitter(SplitSettings.defaults()).split(pdf);

        String text = allText(result);
        assertThat(text).contains("exchange publishes market data", "sequence number", "rewinder service",
                "signed integers", "whole shares");
        assertThat(result.sections()).extracting(ParsedSection::title).contains("1 Introduction", "2 Message Formats");
        assertThat(result.info().ocr().pages()).containsExactly(1);
        assertThat(result.info().ocr().meanConfidence()).isGreaterThan(80);
        SplitAssertions.assertWellFormed(result);
    }

    @Test
    void givenAMixedDocument_whenSplit_thenOnlyThePageWithoutTextIsRecognised() throws Exception {
        Path pdf = dir.resolve("mixed.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage textPage = new PDPage(PDRectangle.LETTER);
            document.addPage(textPage);
            try (PDPageContentStream content = new PDPageContentStream(document, textPage)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("This first page has a text layer describing the order entry protocol.");
                content.endText();
            }
            addScannedPage(document, List.of(new Line("Sessions are opened with a login request.", 14, false),
                    new Line("The server answers with a login accepted message.", 14, false)));
            document.save(pdf.toFile());
        }

        SplitResult result = new DocumentSplitter(SplitSettings.defaults()).split(pdf);

        assertThat(result.info().ocr().pages()).containsExactly(2);
        assertThat(allText(result)).contains("order entry protocol", "login request", "login accepted");
    }

    @Test
    void givenOcrDisabled_whenAScanIsSplit_thenItFailsNoTextSayingOcrIsNotAvailable() throws Exception {
        Path pdf = dir.resolve("scan.pdf");
        writeScan(pdf, List.of(List.of(new Line("Nothing here can be read without OCR.", 16, false))));
        DocumentSplitter splitter = new DocumentSplitter(SplitSettings.defaults().withOcr(OcrSettings.disabled()));

        assertThatThrownBy(() -> splitter.split(pdf)).isInstanceOfSatisfying(SplitFailed.class, failure -> {
            assertThat(failure.reason()).isEqualTo(FailureReason.NO_TEXT);
            assertThat(failure.getMessage()).contains("OCR is disabled");
        });
    }

    @Test
    void givenTheScannedSurveyOfTheCorpus_whenSplit_thenItHasSectionsAndTheTextOfItsThirdPage() throws Exception {
        Path survey = SharedCorpus.file("SurveyOfBinaryProtocolParsers.pdf");

        long started = System.nanoTime();
        SplitResult result = new DocumentSplitter(SplitSettings.defaults()).split(survey);
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf(Locale.ROOT, "OCR of %s: %d pages in %.1f s (%.2f pages/s), confidence %.1f, %d sections%n",
                survey.getFileName(), result.info().ocr().pages().size(), seconds,
                result.info().ocr().pages().size() / seconds, result.info().ocr().meanConfidence(),
                result.sections().size());
        // a busy machine may run out of the OCR budget before the last pages: those are
        // listed, not failed
        assertThat(result.info().ocr().pages()).contains(1, 2, 3);
        assertThat(result.info().ocr().pages().size() + result.info().ocr().skippedPages().size())
            .isEqualTo(result.info().pageCount());
        assertThat(result.info().ocr().meanConfidence()).isGreaterThan(70);
        assertThat(result.sections().size()).isGreaterThan(3);
        SplitAssertions.assertWellFormed(result);
        // its third page: the highlights page, with the title and the authors
        assertThat(allText(result)).contains("Andrew Fryer, Thomas R. Dean", "Research highlight 1");
    }

    record Line(String text, int size, boolean bold) {
    }

    private static String allText(SplitResult result) {
        StringBuilder text = new StringBuilder();
        for (ParsedSection section : result.sections()) {
            text.append(section.title()).append('\n').append(section.content()).append('\n');
        }
        return text.toString().replaceAll("\\s+", " ");
    }

    private static void writeScan(Path pdf, List<List<Line>> pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (List<Line> page : pages) {
                addScannedPage(document, page);
            }
            document.save(pdf.toFile());
        }
    }

    /**
     * A Letter page holding only an image of {@code lines}, drawn with Java2D at
     * {@link #DPI}.
     */
    private static void addScannedPage(PDDocument document, List<Line> lines) throws IOException {
        int width = Math.round(8.5f * DPI);
        int height = Math.round(11f * DPI);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            float y = DPI;
            for (Line line : lines) {
                int pixels = Math.round(line.size() * DPI / 72f);
                y += pixels * (line.bold() ? 2.0f : 1.4f);
                g.setFont(new Font(Font.SERIF, line.bold() ? Font.BOLD : Font.PLAIN, pixels));
                g.drawString(line.text(), DPI, y);
            }
        }
        finally {
            g.dispose();
        }
        PDPage page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        PDImageXObject scan = LosslessFactory.createFromImage(document, image);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(scan, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
        }
    }

    /**
     * libgomp, already loaded with libtesseract: the same OpenMP runtime Tesseract uses.
     */
    interface OpenMpRuntime extends Library {

        OpenMpRuntime INSTANCE = Native.load("libgomp.so.1", OpenMpRuntime.class);

        int omp_get_thread_limit();

    }

}
