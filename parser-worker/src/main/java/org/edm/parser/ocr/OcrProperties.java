package org.edm.parser.ocr;

import java.time.Duration;
import org.edm.parser.split.OcrSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OCR of scanned pages (pages that draw an image but carry no extractable text), with
 * Tesseract through tess4j.
 *
 * @param enabled whether scanned pages are recognised; off, or without Tesseract
 * installed, a scanned document ends {@code failed} / {@code no_text} with a message
 * saying why
 * @param dpi render resolution for recognition
 * @param maxPixels largest rendered page in pixels (a larger page is rendered at a lower
 * resolution)
 * @param maxPages pages recognised per document; the others stay without text
 * @param pageTimeout Tesseract's time for one page (it keeps the words found so far)
 * @param documentBudget OCR time for one document, within {@code edm.parser.timeout}
 * @param tessdata directory of {@code <language>.traineddata}; empty:
 * {@code TESSDATA_PREFIX}, then the usual system directories
 * ({@code /usr/share/tesseract-ocr/5/tessdata} on Debian 12)
 * @param language Tesseract language(s), e.g. {@code eng} or {@code eng+deu}
 */
@ConfigurationProperties("edm.parser.ocr")
public record OcrProperties(@DefaultValue("true") boolean enabled, @DefaultValue("200") int dpi,
        @DefaultValue("40000000") long maxPixels, @DefaultValue("200") int maxPages,
        @DefaultValue("30s") Duration pageTimeout, @DefaultValue("4m") Duration documentBudget,
        @Nullable String tessdata, @DefaultValue("eng") String language) {

    /**
     * The splitter's OCR settings; invalid values fail at startup with the property's
     * name in the message.
     */
    public OcrSettings splitSettings() {
        try {
            return new OcrSettings(enabled, dpi, maxPixels, maxPages, pageTimeout, documentBudget, tessdata, language);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("edm.parser.ocr: " + e.getMessage(), e);
        }
    }
}
