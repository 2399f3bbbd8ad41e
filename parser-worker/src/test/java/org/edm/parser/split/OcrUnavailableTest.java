package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.edm.events.FailureReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without Tesseract (here: without its language data) a scan stays {@code no_text},
 * saying why. Runs anywhere.
 */
class OcrUnavailableTest {

    @TempDir
    Path dir;

    @Test
    void givenNoLanguageData_whenAScanIsSplit_thenItFailsNoTextSayingOcrIsNotAvailable() throws Exception {
        Path pdf = dir.resolve("scan.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 200, 200);
            g.dispose();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, image), 0, 0, 612, 792);
            }
            document.save(pdf.toFile());
        }
        OcrSettings missing = new OcrSettings(true, 200, 40_000_000L, 10, Duration.ofSeconds(5), Duration.ofSeconds(30),
                dir.resolve("no-tessdata").toString(), "eng");
        DocumentSplitter splitter = new DocumentSplitter(SplitSettings.defaults().withOcr(missing));

        assertThat(missing.available()).isFalse();
        assertThatThrownBy(() -> splitter.split(pdf)).isInstanceOfSatisfying(SplitFailed.class, failure -> {
            assertThat(failure.reason()).isEqualTo(FailureReason.NO_TEXT);
            assertThat(failure.getMessage()).contains("OCR is not available");
        });
    }

}
