package org.edm.parser.split;

import java.util.List;

/**
 * What OCR did for one document.
 *
 * @param pages 1-based numbers of the pages whose text was recognised by OCR, ascending
 * @param meanConfidence mean word confidence over those pages, 0-100 (Tesseract's scale);
 * 0 when none
 * @param skippedPages 1-based numbers of pages without text that were not recognised:
 * beyond {@link OcrSettings#maxPages()} or after {@link OcrSettings#documentBudget()} was
 * spent
 */
public record OcrReport(List<Integer> pages, double meanConfidence, List<Integer> skippedPages) {

    public static final OcrReport NONE = new OcrReport(List.of(), 0, List.of());

    public OcrReport {
        pages = List.copyOf(pages);
        skippedPages = List.copyOf(skippedPages);
    }

    public boolean used() {
        return !pages.isEmpty();
    }
}
