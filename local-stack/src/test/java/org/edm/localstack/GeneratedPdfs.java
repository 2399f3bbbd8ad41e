package org.edm.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/** Specification-like PDFs made on the fly: numbered chapters with an outline, text unique per document. */
final class GeneratedPdfs {

    private GeneratedPdfs() {
    }

    /**
     * A PDF of {@code chapters} chapters of {@code pagesPerChapter} pages each, every chapter in the outline; the
     * {@code marker} word appears in the first chapter's text so a search can find this document alone.
     */
    static byte[] specification(String marker, int chapters, int pagesPerChapter) {
        var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            var outline = new PDDocumentOutline();
            document.getDocumentCatalog().setDocumentOutline(outline);
            for (int chapter = 1; chapter <= chapters; chapter++) {
                for (int page = 0; page < pagesPerChapter; page++) {
                    var pdPage = new PDPage(PDRectangle.LETTER);
                    document.addPage(pdPage);
                    try (var content = new PDPageContentStream(document, pdPage)) {
                        float y = 720;
                        if (page == 0) {
                            content.beginText();
                            content.setFont(bold, 16);
                            content.newLineAtOffset(72, y);
                            content.showText(chapter + " Message Type " + chapter);
                            content.endText();
                            var destination = new PDPageXYZDestination();
                            destination.setPage(pdPage);
                            destination.setTop((int) y + 20);
                            var item = new PDOutlineItem();
                            item.setTitle(chapter + " Message Type " + chapter);
                            item.setDestination(destination);
                            outline.addLast(item);
                            y -= 30;
                        }
                        content.beginText();
                        content.setFont(font, 10);
                        content.setLeading(13);
                        content.newLineAtOffset(72, y);
                        for (int line = 0; line < 40; line++) {
                            content.showText("Chapter " + chapter + " line " + line + " describes the order book "
                                    + "sequence number and the " + (chapter == 1 && line == 0 ? marker : "price")
                                    + " field of this message.");
                            content.newLine();
                        }
                        content.endText();
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
