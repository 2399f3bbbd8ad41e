package org.edm.parser.split;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits for one split.
 *
 * @param maxMainMemoryBytes main memory PDFBox may use for the document's streams; beyond it, temporary files
 * @param maxPages documents with more pages fail with {@link FailureReason#TOO_LARGE}
 * @param timeout wall time for one split, checked between pages; exceeding it fails with
 *     {@link FailureReason#TIMEOUT}
 */
public record SplitSettings(long maxMainMemoryBytes, int maxPages, Duration timeout) {

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
    }

    /** 64 MB of main memory, 20,000 pages, 5 minutes. */
    public static SplitSettings defaults() {
        return new SplitSettings(64L * 1024 * 1024, 20_000, Duration.ofMinutes(5));
    }
}
