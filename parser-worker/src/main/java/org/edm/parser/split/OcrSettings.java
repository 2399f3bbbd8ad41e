package org.edm.parser.split;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Limits of the OCR of scanned pages (pages that show an image but no extractable text).
 *
 * @param enabled whether such pages are recognised at all; without OCR a scanned document
 * fails {@code no_text}
 * @param dpi resolution pages are rendered at for recognition (200-300 suits printed
 * text)
 * @param maxPixels largest rendered page, in pixels; a larger page is rendered at a lower
 * resolution, which bounds the memory of one page (a byte per pixel, plus Tesseract's own
 * copy)
 * @param maxPages pages one document may have recognised; the pages beyond stay without
 * text
 * @param pageTimeout wall time Tesseract may spend on one page; it stops there and keeps
 * the words found so far
 * @param documentBudget wall time for the OCR of one document; the pages left when it is
 * spent stay without text. The split's own timeout still applies to the whole.
 * @param tessdata directory holding {@code <language>.traineddata}; {@code null} to look
 * in {@code TESSDATA_PREFIX} and the usual system directories
 * @param language Tesseract language(s), e.g. {@code eng} or {@code eng+deu}
 */
public record OcrSettings(boolean enabled, int dpi, long maxPixels, int maxPages, Duration pageTimeout,
        Duration documentBudget, @Nullable String tessdata, String language) {

    public OcrSettings {
        if (dpi < 50 || dpi > 1200) {
            throw new IllegalArgumentException("dpi must be between 50 and 1200: " + dpi);
        }
        if (maxPixels < 1_000_000) {
            throw new IllegalArgumentException("maxPixels must be at least 1,000,000: " + maxPixels);
        }
        if (maxPages < 0) {
            throw new IllegalArgumentException("maxPages must not be negative: " + maxPages);
        }
        requirePositive("pageTimeout", pageTimeout);
        requirePositive("documentBudget", documentBudget);
        Objects.requireNonNull(language, "language");
        if (language.isBlank()) {
            throw new IllegalArgumentException("language must not be blank");
        }
        if (tessdata != null && tessdata.isBlank()) {
            tessdata = null;
        }
    }

    /**
     * On, 200 dpi, at most 40 million pixels a page, 200 pages, 30 s a page, 4 minutes a
     * document (within the split's own timeout), English.
     */
    public static OcrSettings defaults() {
        return new OcrSettings(true, 200, 40_000_000L, 200, Duration.ofSeconds(30), Duration.ofMinutes(4), null, "eng");
    }

    /** No OCR: scanned documents fail {@code no_text}. */
    public static OcrSettings disabled() {
        OcrSettings defaults = defaults();
        return new OcrSettings(false, defaults.dpi, defaults.maxPixels, defaults.maxPages, defaults.pageTimeout,
                defaults.documentBudget, null, defaults.language);
    }

    /**
     * Whether OCR can run with these settings on this machine: enabled, libtesseract
     * loads and the language data is found.
     */
    public boolean available() {
        return PageOcr.availability(this).available();
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
