package org.edm.parser.processing;

import java.time.Duration;

import org.edm.parser.split.SplitSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and recovery of the parsing of one document.
 *
 * @param maxMainMemory main memory PDFBox may use for one document's streams, beyond it
 * temporary files
 * @param maxPages documents with more pages end {@code failed} with reason
 * {@code too_large}
 * @param timeout wall time for splitting one document; beyond it the split is cancelled
 * and the document ends {@code failed} with reason {@code timeout}
 * @param maxParallelSplits split threads of this instance, counting cancelled splits that
 * have not stopped yet; a document that finds none free waits ({@code slotWait}), then is
 * retried with back-off; default: the available processors
 * @param staleAfter a document in {@code processing} whose worker has not signalled for
 * this long is taken over (the worker refreshes its claim every third of this while it
 * parses)
 * @param sweepInterval how often this instance looks for such stale documents
 * @param maxTextCharacters characters (glyphs) one document may show over all its pages;
 * more end {@code failed} with reason {@code too_large} (pages may share one content
 * stream, so a small file can show billions)
 * @param maxAttempts how many worker processes may claim a document for one event
 * (deliveries, takeovers after a crash; one process claiming it again does not count
 * twice); the next claim ends it {@code failed} with reason {@code attempts_exhausted}
 * instead of parsing it again, so a file that kills its worker cannot kill every worker
 * that inherits its partition
 * @param slotWait how long a document waits for a free split thread (back pressure, the
 * claim kept fresh meanwhile) before it is handed back for a retry with back-off; keep
 * the wait plus {@code timeout} below the consumer's {@code max.poll.interval.ms}
 * @param interactiveReservedSplits split threads beyond {@code maxParallelSplits} that
 * only interactive documents may use: bulk work takes at most {@code maxParallelSplits},
 * so an interactive upload starts at once instead of waiting for a long bulk split (a
 * scanned document under OCR) to end; 0 turns the reserve off
 * @param bulkSplitNice the nice value (0 to 19) of the threads that split bulk documents:
 * on a machine shared with PostgreSQL and the search, a bulk import then takes the CPU
 * that searches and interactive splits leave, instead of a share of it; 0 runs them like
 * every other thread (Linux; elsewhere ignored)
 */
@ConfigurationProperties("edm.parser")
public record ParserSettings(@DefaultValue("64MB") DataSize maxMainMemory, @DefaultValue("20000") int maxPages,
        @DefaultValue("5m") Duration timeout, @Nullable Integer maxParallelSplits,
        @DefaultValue("10m") Duration staleAfter, @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("20000000") long maxTextCharacters, @DefaultValue("3") int maxAttempts,
        @DefaultValue("5m") Duration slotWait, @DefaultValue("1") int interactiveReservedSplits,
        @DefaultValue("10") int bulkSplitNice) {

    public ParserSettings {
        if (maxMainMemory.toBytes() <= 0) {
            throw new IllegalArgumentException("edm.parser.max-main-memory must be positive: " + maxMainMemory);
        }
        if (maxPages <= 0) {
            throw new IllegalArgumentException("edm.parser.max-pages must be positive: " + maxPages);
        }
        requirePositive("edm.parser.timeout", timeout);
        if (maxParallelSplits == null) {
            maxParallelSplits = Runtime.getRuntime().availableProcessors();
        }
        if (maxParallelSplits <= 0) {
            throw new IllegalArgumentException("edm.parser.max-parallel-splits must be positive: " + maxParallelSplits);
        }
        requirePositive("edm.parser.stale-after", staleAfter);
        requirePositive("edm.parser.sweep-interval", sweepInterval);
        if (maxTextCharacters <= 0) {
            throw new IllegalArgumentException("edm.parser.max-text-characters must be positive: " + maxTextCharacters);
        }
        if (maxAttempts <= 0) {
            throw new IllegalArgumentException("edm.parser.max-attempts must be positive: " + maxAttempts);
        }
        requirePositive("edm.parser.slot-wait", slotWait);
        if (interactiveReservedSplits < 0) {
            throw new IllegalArgumentException(
                    "edm.parser.interactive-reserved-splits must not be negative: " + interactiveReservedSplits);
        }
        if (bulkSplitNice < 0 || bulkSplitNice > 19) {
            throw new IllegalArgumentException("edm.parser.bulk-split-nice must be 0 to 19: " + bulkSplitNice);
        }
    }

    /** What the splitter itself enforces. */
    SplitSettings splitSettings() {
        return new SplitSettings(maxMainMemory.toBytes(), maxPages, timeout, maxTextCharacters);
    }

    /**
     * How often a parsing worker refreshes its claim, so that it never looks stale while
     * alive.
     */
    Duration heartbeatInterval() {
        return staleAfter.dividedBy(3);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
