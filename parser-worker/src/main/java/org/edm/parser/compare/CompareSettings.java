package org.edm.parser.compare;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The versions consumer of {@code documents.processed}.
 *
 * @param enabled whether this instance compares versions at all
 * @param retries how often a record that failed transiently (database unreachable) is
 * retried before it goes to the dead-letter topic {@code documents.processed.compare.DLT}
 * @param initialBackoff wait before the first retry, doubling up to {@code maxBackoff}
 * @param maxBackoff longest wait between retries
 */
@ConfigurationProperties("edm.parser.compare")
public record CompareSettings(@DefaultValue("true") boolean enabled, @DefaultValue("10") int retries,
        @DefaultValue("1s") Duration initialBackoff, @DefaultValue("60s") Duration maxBackoff) {

    public CompareSettings {
        if (retries < 0) {
            throw new IllegalArgumentException("edm.parser.compare.retries must not be negative: " + retries);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "edm.parser.compare back-off must satisfy 0 <= initial-backoff <= max-backoff");
        }
    }
}
