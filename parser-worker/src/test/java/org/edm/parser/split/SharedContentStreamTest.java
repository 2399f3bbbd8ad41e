package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.edm.events.FailureReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages that all show one content stream: each page is within the per-page bound, the
 * whole document is not. The document's text budget stops reading long before the lines
 * of 2,000 such pages could fill the heap.
 */
public class SharedContentStreamTest {

    public static final int PAGES = 2_000;

    public static final int GLYPHS_PER_PAGE = 150_000;

    @TempDir
    Path directory;

    @Test
    void twoThousandPagesSharingOneLargeContentStreamFailAsTooLargeAtTheTextBudget() {
        // given: 2,000 pages x 150,000 glyphs = 300 million characters, in a file of a
        // few hundred KB
        Path file = sharedStreamPdf(directory.resolve("shared.pdf"), PAGES, GLYPHS_PER_PAGE);
        long budget = 1_000_000;
        var splitter = new DocumentSplitter(new SplitSettings(64L << 20, 20_000, Duration.ofMinutes(2), budget));

        // when
        SplitFailed failure = catchThrowableOfType(SplitFailed.class, () -> splitter.split(file));

        // then: it stops on the 7th page (6 x 150,000 < 1,000,000 < 7 x 150,000): 1,993
        // pages never read (the page
        // in the message proves where it stopped; no wall-clock bound, which a loaded
        // machine would break)
        assertThat(failure.reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(failure.getMessage()).contains("more than 1000000 characters").contains("page 7");
    }

    /**
     * A PDF of {@code pages} pages whose /Contents all point at one stream showing
     * {@code glyphs} glyphs.
     */
    public static Path sharedStreamPdf(Path file, int pages, int glyphs) {
        try (var document = new PDDocument()) {
            var resources = new PDResources();
            COSName font = resources.add(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            COSStream shared = document.getDocument().createCOSStream();
            try (OutputStream out = shared.createOutputStream(COSName.FLATE_DECODE)) {
                StringBuilder content = new StringBuilder("BT /").append(font.getName())
                    .append(" 1 Tf 1 0 0 1 10 780 Tm ");
                String line = "word ".repeat(100);
                for (int shown = 0; shown < glyphs; shown += line.length()) {
                    content.append('(').append(line).append(") Tj 0 -1.2 Td ");
                }
                content.append("ET");
                out.write(content.toString().getBytes(StandardCharsets.US_ASCII));
            }
            for (int i = 0; i < pages; i++) {
                var page = new PDPage();
                page.setResources(resources);
                page.setContents(new PDStream(shared));
                document.addPage(page);
            }
            document.save(file.toFile());
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFileIsSmall() throws IOException {
        Path file = sharedStreamPdf(directory.resolve("small.pdf"), PAGES, GLYPHS_PER_PAGE);

        assertThat(Files.size(file)).isLessThan(1_000_000);
    }

}
