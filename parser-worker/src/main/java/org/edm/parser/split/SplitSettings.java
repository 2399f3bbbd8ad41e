package org.edm.parser.split;

import java.time.Duration;
import java.util.Objects;
import org.edm.events.FailureReason;

/**
 * Limits for one split.
 *
 * @param maxMainMemoryBytes main memory PDFBox may use for the document's streams; beyond
 * it, temporary files
 * @param maxPages documents with more pages fail with {@link FailureReason#TOO_LARGE}
 * @param timeout wall time for one split, checked in every stage; exceeding it fails with
 * {@link FailureReason#TIMEOUT}
 * @param maxTextCharacters characters (glyphs) the whole document may show, over all
 * pages; more fail with {@link FailureReason#TOO_LARGE}. Pages may share one content
 * stream, so a few-KB file can show billions.
 * @param ocr limits of the OCR of scanned pages
 */
public record SplitSettings(long maxMainMemoryBytes, int maxPages, Duration timeout, long maxTextCharacters,
        OcrSettings ocr) {

    /**
     * 20 million characters: a 20,000-page specification of 1,000 characters a page,
     * about 7,000 dense pages.
     */
    public static final long DEFAULT_MAX_TEXT_CHARACTERS = 20_000_000L;

    public SplitSettings(long maxMainMemoryBytes, int maxPages, Duration timeout) {
        this(maxMainMemoryBytes, maxPages, timeout, DEFAULT_MAX_TEXT_CHARACTERS);
    }

    /** With the default OCR settings ({@link OcrSettings#defaults()}). */
    public SplitSettings(long maxMainMemoryBytes, int maxPages, Duration timeout, long maxTextCharacters) {
        this(maxMainMemoryBytes, maxPages, timeout, maxTextCharacters, OcrSettings.defaults());
    }

    /** These settings with other OCR settings. */
    public SplitSettings withOcr(OcrSettings ocr) {
        return new SplitSettings(maxMainMemoryBytes, maxPages, timeout, maxTextCharacters, ocr);
    }

    public SplitSettings {
        if (maxMainMemoryBytes <= 0) {
            throw new IllegalArgumentException("maxMainMemoryBytes must be positive: " + maxMainMemoryBytes);
        }
        if (maxPages <= 0) {
            throw new IllegalArgumentException("maxPages must be positive: " + maxPages);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxTextCharacters <= 0) {
            throw new IllegalArgumentException("maxTextCharacters must be positive: " + maxTextCharacters);
        }
        Objects.requireNonNull(ocr, "ocr");
    }

    /**
     * 64 MB of main memory, 20,000 pages, 5 minutes, 20 million characters, OCR with its
     * defaults.
     */
    public static SplitSettings defaults() {
        return new SplitSettings(64L * 1024 * 1024, 20_000, Duration.ofMinutes(5));
    }
}
