package org.edm.parser.split;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jspecify.annotations.Nullable;

/**
 * Finds the scanned pages of a document (pages that draw an image but carry no
 * extractable text) and replaces their empty text with what OCR recognises, so that a
 * mixed document is recognised only where it has to be.
 *
 * @param pages the document's pages, scanned ones with their recognised lines
 * @param report which pages were recognised
 * @param unavailable why OCR did not run although there were scanned pages; {@code null}
 * when it ran or was not needed
 */
record ScannedPages(List<PageText> pages, OcrReport report, @Nullable String unavailable) {

    /** Letters and digits below which a page counts as without text. */
    static final int MIN_PAGE_CHARS = 5;

    /** Form XObjects looked into for images, in depth. */
    private static final int MAX_FORM_DEPTH = 3;

    static ScannedPages recognise(PDDocument document, List<PageText> pages, OcrSettings settings,
            SplitDeadline deadline) {
        List<Integer> scanned = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            deadline.tick();
            PageText page = pages.get(i);
            if (!page.unreadable() && characters(page) < MIN_PAGE_CHARS && drawsImage(document, i)) {
                scanned.add(i);
            }
        }
        if (scanned.isEmpty()) {
            return new ScannedPages(pages, OcrReport.NONE, null);
        }
        PageOcr.Availability availability = PageOcr.availability(settings);
        if (!availability.available()) {
            return new ScannedPages(pages, OcrReport.NONE, availability.reason());
        }
        PageOcr.Recognised recognised;
        try {
            recognised = PageOcr.recognise(document, scanned, settings, availability.tessdata(), deadline);
        }
        catch (SplitDeadline.Passed e) {
            throw e;
        }
        catch (IOException | RuntimeException | LinkageError e) {
            return new ScannedPages(pages, OcrReport.NONE, "OCR failed: " + e.getMessage());
        }
        List<PageText> merged = new ArrayList<>(pages);
        for (Map.Entry<Integer, PageText> entry : recognised.pages().entrySet()) {
            PageText original = pages.get(entry.getKey());
            PageText ocr = entry.getValue();
            merged.set(entry.getKey(), new PageText(original.number(), original.width(), original.height(),
                    original.topEdge(), ocr.lines(), false));
        }
        return new ScannedPages(merged, recognised.report(), null);
    }

    private static long characters(PageText page) {
        long count = 0;
        for (TextLine line : page.lines()) {
            count += line.text().codePoints().filter(Character::isLetterOrDigit).count();
            if (count >= MIN_PAGE_CHARS) {
                break;
            }
        }
        return count;
    }

    private static boolean drawsImage(PDDocument document, int pageIndex) {
        try {
            return hasImage(document.getPage(pageIndex).getResources(), 0);
        }
        catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean hasImage(@Nullable PDResources resources, int depth) throws IOException {
        if (resources == null) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject) {
                return true;
            }
            if (object instanceof PDFormXObject form && depth < MAX_FORM_DEPTH
                    && hasImage(form.getResources(), depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
