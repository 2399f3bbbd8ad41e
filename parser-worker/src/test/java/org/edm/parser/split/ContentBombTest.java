package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.edm.events.FailureReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page whose content stream shows far more glyphs than any real page (a decompression
 * bomb's shape) fails as too large instead of filling the heap: PDFBox keeps every glyph
 * of a page in memory.
 */
class ContentBombTest {

    @TempDir
    Path directory;

    @Test
    void pageWithMoreGlyphsThanTheBoundFailsAsTooLarge() throws Exception {
        // given: one page showing 300,000 glyphs
        Path file = onePageOfOnePointText("bomb.pdf", content -> {
            content.newLineAtOffset(10, 700);
            String chunk = "a".repeat(10_000);
            for (int i = 0; i < 30; i++) {
                content.showText(chunk);
            }
        });

        // when
        SplitFailed failure = catchThrowableOfType(SplitFailed.class,
                () -> new DocumentSplitter(SplitSettings.defaults()).split(file));

        // then
        assertThat(failure.reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(failure.getMessage()).contains("page 1")
            .contains(String.valueOf(TextLineStripper.MAX_GLYPHS_PER_PAGE));
    }

    @Test
    void pageJustUnderTheBoundIsRead() throws Exception {
        Path file = onePageOfOnePointText("dense.pdf", content -> {
            content.setLeading(1.2f);
            content.newLineAtOffset(10, 780);
            for (int line = 0; line < 500; line++) {
                content.showText("dense line " + line + " " + "word ".repeat(60));
                content.newLine();
            }
        });

        SplitResult result = new DocumentSplitter(SplitSettings.defaults()).split(file);

        assertThat(result.sections()).isNotEmpty();
        assertThat(String.join(" ", result.sections().stream().map(ParsedSection::content).toList()))
            .contains("dense line 499");
    }

    /** What a test writes into a text object, in 1-point Helvetica. */
    private interface Text {

        void write(PDPageContentStream content) throws IOException;

    }

    /**
     * A one-page PDF in the test's directory whose page shows {@code text} in 1-point
     * Helvetica.
     */
    private Path onePageOfOnePointText(String name, Text text) throws IOException {
        Path file = directory.resolve(name);
        try (var document = new PDDocument()) {
            var page = new PDPage();
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 1);
                text.write(content);
                content.endText();
            }
            document.save(file.toFile());
        }
        return file;
    }

}
