package org.edm.parser.split;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The PDF's own information.
 *
 * @param pageCount number of pages
 * @param title document information title, {@code null} when absent or blank
 * @param author document information author
 * @param producer document information producer
 * @param creator document information creator
 * @param created creation date
 * @param modified modification date
 * @param outlinePresent whether the document has an outline (bookmarks) with at least one
 * entry
 * @param encrypted whether the document is encrypted (with an empty user password, else
 * the split fails)
 * @param headingSource {@value #OUTLINE} when sections come from the outline,
 * {@value #OUTLINE_AND_LAYOUT} when headings detected from the page layout completed an
 * incomplete outline, {@value #LAYOUT} when all headings were detected from the page
 * layout
 * @param ocr which pages were recognised by OCR, and how confidently
 * ({@link OcrReport#NONE} when none)
 */
public record PdfInfo(int pageCount, @Nullable String title, @Nullable String author, @Nullable String producer,
        @Nullable String creator, @Nullable Instant created, @Nullable Instant modified, boolean outlinePresent,
        boolean encrypted, String headingSource, OcrReport ocr) {

    /** Without OCR. */
    public PdfInfo(int pageCount, @Nullable String title, @Nullable String author, @Nullable String producer,
            @Nullable String creator, @Nullable Instant created, @Nullable Instant modified, boolean outlinePresent,
            boolean encrypted, String headingSource) {
        this(pageCount, title, author, producer, creator, created, modified, outlinePresent, encrypted, headingSource,
                OcrReport.NONE);
    }

    public static final String OUTLINE = "outline";

    public static final String OUTLINE_AND_LAYOUT = "outline+layout";

    public static final String LAYOUT = "layout";

}
