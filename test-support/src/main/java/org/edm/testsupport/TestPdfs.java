package org.edm.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * The test PDFs of every module: ready-made ones generated with PDFBox (a page of text,
 * padded copies with distinct hashes, a specification with an outline, a long
 * specification-like document), and the few real files the tests ship
 * ({@link #resource}). For a PDF of a layout of its own, a test uses the {@link TestPdf}
 * builder.
 */
public final class TestPdfs {

    /**
     * A real specification (MoldUDP64 1.0, 6 pages, an outline), shipped with
     * test-support.
     */
    public static final String MOLD_UDP64 = "Mold.Udp64.v1.0.pdf";

    /**
     * A real PDF cut off in the middle (no {@code %%EOF}): the splitter reports it
     * {@code damaged}.
     */
    public static final String DAMAGED_TRUNCATED = "damaged-truncated.pdf";

    /**
     * PDFBox's issue 3371 sample: encrypted with a user password, so {@code encrypted}.
     */
    public static final String ENCRYPTED = "issue3371.pdf";

    private static final byte[] PAD_MARKER = "EDM-PAD-".getBytes(StandardCharsets.US_ASCII);

    /**
     * A heading: its outline depth, title, page (1-based), top position and the body
     * sentence under it.
     */
    public record Heading(int level, String title, int page, float top, String body) {
    }

    /**
     * Three pages, two chapters, three subsections; two headings share page 1 and two
     * share page 2.
     */
    public static final List<Heading> SPECIFICATION = List.of(
            new Heading(1, "1 Introduction", 1, 740, "Alpha sentence introduces the specification."),
            new Heading(2, "1.1 Scope", 1, 480, "Bravo sentence explains the scope of the protocol."),
            new Heading(1, "2 Messages", 2, 740, "Charlie sentence lists the messages."),
            new Heading(2, "2.1 Add Order", 2, 420, "Delta sentence describes the add order message."),
            new Heading(2, "2.2 Delete Order", 3, 740, "Echo sentence describes the delete order message."));

    private TestPdfs() {
    }

    /**
     * The bytes of a PDF shipped with test-support under {@code pdfs/}, e.g.
     * {@link #MOLD_UDP64}.
     */
    public static byte[] resource(String name) {
        try (InputStream in = TestPdfs.class.getResourceAsStream("/pdfs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test PDF pdfs/" + name + " in test-support");
            }
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF showing the text (a different text gives different bytes). */
    public static byte[] withText(String text) {
        return build(text, 0);
    }

    /**
     * A valid PDF of at least {@code size} bytes: one page plus an unreferenced stream of
     * random bytes, which starts with a marker that {@link #variant} overwrites to make
     * copies with distinct SHA-256.
     */
    public static byte[] padded(String text, int size) {
        return build(text, size);
    }

    /**
     * A copy of a padded PDF whose padding begins with the given number, still a valid
     * PDF.
     */
    public static byte[] variant(byte[] padded, long number) {
        int at = indexOf(padded, PAD_MARKER);
        if (at < 0) {
            throw new IllegalArgumentException("not a padded PDF");
        }
        byte[] copy = padded.clone();
        byte[] stamp = String.format("%016d", number).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stamp, 0, copy, at + PAD_MARKER.length, stamp.length);
        return copy;
    }

    /** {@link #SPECIFICATION} on three pages, with its outline. */
    public static byte[] specificationWithOutline() {
        return withOutline(SPECIFICATION, 3);
    }

    /**
     * Headings in bold at known positions, each followed by one body sentence, and an
     * outline whose entries point at the headings.
     */
    public static byte[] withOutline(List<Heading> headings, int pageCount) {
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
                }
                else {
                    currentTop.addLast(item);
                }
            }
            document.getDocumentInformation().setTitle("Test Specification");
            document.getDocumentInformation().setAuthor("EDM tests");
            document.save(bytes);
            return bytes.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A specification-like PDF of {@code chapters} chapters of {@code pagesPerChapter}
     * pages each (40 lines a page), every chapter in the outline; the {@code marker} word
     * appears in the first chapter's text so a search can find this document alone.
     */
    public static byte[] specification(String marker, int chapters, int pagesPerChapter) {
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
                            write(content, bold, 16, y, chapter + " Message Type " + chapter);
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
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one line of text at (72, y) in the given font and size. */
    public static void write(PDPageContentStream content, PDType1Font font, float size, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(72, y);
        content.showText(text);
        content.endText();
    }

    private static byte[] build(String text, int size) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                write(content, new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12, 720, text);
            }
            if (size > 0) {
                PDStream padding = new PDStream(document);
                try (OutputStream out = padding.createOutputStream()) {
                    out.write(PAD_MARKER);
                    out.write(new byte[16]);
                    byte[] noise = new byte[Math.max(0, size - 4096)];
                    new Random(text.hashCode()).nextBytes(noise);
                    out.write(noise);
                }
                document.getDocumentCatalog()
                    .getCOSObject()
                    .setItem(COSName.getPDFName("EdmPadding"), padding.getCOSObject());
            }
            var bytes = new ByteArrayOutputStream(Math.max(size, 2048) + 4096);
            document.save(bytes);
            return bytes.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

}
