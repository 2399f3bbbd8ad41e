package org.edm.parser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * PDFs with a known structure, written with PDFBox: headings in bold at known positions, each followed by one
 * body sentence, and an outline whose entries point at the headings.
 */
final class TestPdfs {

    /** A heading: its outline depth, title, page (1-based), top position and the body sentence under it. */
    record Heading(int level, String title, int page, float top, String body) {
    }

    /** Three pages, two chapters, three subsections; two headings share page 1 and two share page 2. */
    static final List<Heading> SPECIFICATION = List.of(
            new Heading(1, "1 Introduction", 1, 740, "Alpha sentence introduces the specification."),
            new Heading(2, "1.1 Scope", 1, 480, "Bravo sentence explains the scope of the protocol."),
            new Heading(1, "2 Messages", 2, 740, "Charlie sentence lists the messages."),
            new Heading(2, "2.1 Add Order", 2, 420, "Delta sentence describes the add order message."),
            new Heading(2, "2.2 Delete Order", 3, 740, "Echo sentence describes the delete order message."));

    private TestPdfs() {
    }

    static byte[] specificationWithOutline() {
        return withOutline(SPECIFICATION, 3);
    }

    static byte[] withOutline(List<Heading> headings, int pageCount) {
        var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (var document = new PDDocument(); var bytes = new ByteArrayOutputStream()) {
            for (int i = 0; i < pageCount; i++) {
                document.addPage(new PDPage(PDRectangle.LETTER));
            }
            var outline = new PDDocumentOutline();
            document.getDocumentCatalog().setDocumentOutline(outline);
            PDOutlineItem currentTop = null;
            for (Heading heading : headings) {
                PDPage page = document.getPage(heading.page() - 1);
                try (var content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
                        true)) {
                    write(content, bold, 16, heading.top(), heading.title());
                    write(content, regular, 11, heading.top() - 30, heading.body());
                }
                var destination = new PDPageXYZDestination();
                destination.setPage(page);
                destination.setTop((int) heading.top() + 16);
                var item = new PDOutlineItem();
                item.setTitle(heading.title());
                item.setDestination(destination);
                if (heading.level() == 1 || currentTop == null) {
                    outline.addLast(item);
                    currentTop = item;
                } else {
                    currentTop.addLast(item);
                }
            }
            document.getDocumentInformation().setTitle("Test Specification");
            document.getDocumentInformation().setAuthor("EDM tests");
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(PDPageContentStream content, PDType1Font font, float size, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(72, y);
        content.showText(text);
        content.endText();
    }
}
