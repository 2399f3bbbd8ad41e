package org.edm.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Valid PDFs generated with PDFBox, unique by their text, optionally padded to a size. */
public final class TestPdfs {

    private static final byte[] PAD_MARKER = "EDM-PAD-".getBytes(StandardCharsets.US_ASCII);

    private TestPdfs() {
    }

    /** A one-page PDF showing the text (a different text gives different bytes). */
    public static byte[] withText(String text) {
        return build(text, 0);
    }

    /**
     * A valid PDF of at least {@code size} bytes: one page plus an unreferenced stream of random bytes, which
     * starts with a marker that {@link #variant} overwrites to make copies with distinct SHA-256.
     */
    public static byte[] padded(String text, int size) {
        return build(text, size);
    }

    /** A copy of a padded PDF whose padding begins with the given number, still a valid PDF. */
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

    private static byte[] build(String text, int size) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
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
                document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("EdmPadding"),
                        padding.getCOSObject());
            }
            var bytes = new ByteArrayOutputStream(Math.max(size, 2048) + 4096);
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static boolean startsWithPdfHeader(byte[] bytes) {
        return Arrays.equals(Arrays.copyOf(bytes, 5), "%PDF-".getBytes(StandardCharsets.US_ASCII));
    }
}
