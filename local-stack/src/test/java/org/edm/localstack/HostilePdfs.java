package org.edm.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.edm.testsupport.TestPdfs;

/**
 * Broken and hostile PDFs made in the test: each must end {@code failed} with a reason or
 * {@code done}, within the parser's time limit, without taking the worker down or
 * blocking its partition.
 */
final class HostilePdfs {

    private HostilePdfs() {
    }

    /**
     * Name to bytes, in a fixed order. {@code tinyPages} sets the size of the many-pages
     * case.
     */
    static Map<String, byte[]> all(int tinyPages, int bombMegabytes) {
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        byte[] valid = TestPdfs.specification("hostile", 3, 2);
        pdfs.put("truncated", Arrays.copyOf(valid, valid.length / 2));
        pdfs.put("bad-xref", badXref(valid));
        pdfs.put("recursive-outline", recursiveOutline());
        pdfs.put("absurd-page-count", absurdPageCount(valid));
        pdfs.put("deflate-bomb", deflateBomb(bombMegabytes));
        pdfs.put("many-tiny-pages", manyTinyPages(tinyPages));
        pdfs.put("enormous-page", enormousPage());
        pdfs.put("javascript", javascript());
        pdfs.put("non-utf-text", nonUtfText());
        pdfs.put("header-only", "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return pdfs;
    }

    /** The cross-reference offset points into the middle of the file. */
    private static byte[] badXref(byte[] valid) {
        String text = new String(valid, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("startxref");
        String broken = text.substring(0, at) + "startxref\n" + (valid.length / 3) + "\n%%EOF\n";
        return broken.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An outline whose items point at each other in a cycle. */
    private static byte[] recursiveOutline() {
        return build(document -> {
            PDPage page = textPage(document, "Recursive outline body text");
            var outline = new PDDocumentOutline();
            document.getDocumentCatalog().setDocumentOutline(outline);
            var first = new PDOutlineItem();
            first.setTitle("1 First");
            first.setDestination(page);
            var second = new PDOutlineItem();
            second.setTitle("2 Second");
            second.setDestination(page);
            outline.addLast(first);
            outline.addLast(second);
            // second -> next -> first, and first's child is the outline's own first item
            second.getCOSObject().setItem(COSName.NEXT, first.getCOSObject());
            first.getCOSObject().setItem(COSName.FIRST, first.getCOSObject());
            first.getCOSObject().setItem(COSName.LAST, second.getCOSObject());
        });
    }

    /** The page tree claims a billion pages. */
    private static byte[] absurdPageCount(byte[] valid) {
        String text = new String(valid, StandardCharsets.ISO_8859_1);
        String broken = text.replaceFirst("/Count \\d+", "/Count 999999999");
        return broken.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A content stream that inflates from a few hundred kilobytes to {@code megabytes} of
     * text operators.
     */
    private static byte[] deflateBomb(int megabytes) {
        return build(document -> {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            var bytes = new ByteArrayOutputStream();
            try (var deflate = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_COMPRESSION))) {
                deflate.write("BT /F1 1 Tf 0 0 Td ".getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = "(a) Tj ".repeat(1024).getBytes(StandardCharsets.US_ASCII);
                for (long written = 0; written < megabytes * 1024L * 1024L; written += chunk.length) {
                    deflate.write(chunk);
                }
                deflate.write("ET".getBytes(StandardCharsets.US_ASCII));
            }
            COSStream stream = document.getDocument().createCOSStream();
            try (var out = stream.createRawOutputStream()) {
                out.write(bytes.toByteArray());
            }
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            page.getCOSObject().setItem(COSName.CONTENTS, stream);
            var resources = new COSDictionary();
            var fonts = new COSDictionary();
            fonts.setItem(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            resources.setItem(COSName.FONT, fonts);
            page.getCOSObject().setItem(COSName.RESOURCES, resources);
        });
    }

    private static byte[] manyTinyPages(int pages) {
        return build(document -> {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage(new PDRectangle(10, 10)));
            }
        });
    }

    /** One page of 200 by 200 inches, full of text. */
    private static byte[] enormousPage() {
        return build(document -> {
            var page = new PDPage(new PDRectangle(14_400, 14_400));
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                content.setLeading(12);
                content.newLineAtOffset(20, 14_380);
                for (int line = 0; line < 1_000; line++) {
                    content.showText("Enormous page line " + line + " with a sequence number and a price field");
                    content.newLine();
                }
                content.endText();
            }
        });
    }

    private static byte[] javascript() {
        return build(document -> {
            textPage(document, "A document that wants to run a script when opened");
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');"));
        });
    }

    /** WinAnsi text outside ASCII, and raw high bytes in a string operand. */
    private static byte[] nonUtfText() {
        return build(document -> {
            PDPage page = textPage(document, "Pr\u00e9f\u00e9rence \u00c4nderung \u00df \u20ac \u201cquoted\u201d");
            COSArray contents = new COSArray();
            contents.add(page.getCOSObject().getDictionaryObject(COSName.CONTENTS));
            COSStream raw = document.getDocument().createCOSStream();
            try (var out = raw.createOutputStream()) {
                out.write("BT /F1 12 Tf 72 600 Td (".getBytes(StandardCharsets.US_ASCII));
                for (int b = 0x80; b <= 0xFF; b++) {
                    if (b != '(' && b != ')' && b != '\\') {
                        out.write(b);
                    }
                }
                out.write(") Tj ET".getBytes(StandardCharsets.US_ASCII));
            }
            contents.add(raw);
            page.getCOSObject().setItem(COSName.CONTENTS, contents);
            page.getCOSObject().setItem(COSName.getPDFName("Rotate"), COSInteger.get(0));
        });
    }

    private static PDPage textPage(PDDocument document, String text) throws IOException {
        var page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        try (var content = new PDPageContentStream(document, page)) {
            TestPdfs.write(content, new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12, 700, text);
        }
        var resources = page.getResources();
        resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
        return page;
    }

    private interface Content {

        void write(PDDocument document) throws IOException;

    }

    private static byte[] build(Content content) {
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            content.write(document);
            document.save(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
