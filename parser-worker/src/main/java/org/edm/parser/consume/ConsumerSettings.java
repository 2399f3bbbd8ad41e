package org.edm.parser.consume;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code documents.uploaded} consumer.
 *
 * @param concurrency listener threads of this instance, each parsing one document at a
 * time (at most one per partition does work); default: the available processors
 * @param retries how often a record that failed transiently (database unreachable) is
 * retried before it goes to the dead-letter topic
 * @param initialBackoff wait before the first retry
 * @param backoffMultiplier factor between consecutive waits
 * @param maxBackoff longest wait between retries
 * @param instanceId this worker's stable name for Kafka static membership (see
 * {@link StaticMembership}): unique per worker process, the same across its restarts;
 * unset (the default) for dynamic membership
 */
@ConfigurationProperties("edm.parser.consumer")
public record ConsumerSettings(@Nullable Integer concurrency, @DefaultValue("10") int retries,
        @DefaultValue("1s") Duration initialBackoff, @DefaultValue("2.0") double backoffMultiplier,
        @DefaultValue("60s") Duration maxBackoff, @Nullable String instanceId) {

    public ConsumerSettings {
        if (concurrency == null) {
            concurrency = Runtime.getRuntime().availableProcessors();
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("edm.parser.consumer.concurrency must be at least 1: " + concurrency);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("edm.parser.consumer.retries must not be negative: " + retries);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "edm.parser.consumer back-off must satisfy 0 <= initial-backoff <= max-backoff");
        }
        if (backoffMultiplier < 1.0) {
            throw new IllegalArgumentException(
                    "edm.parser.consumer.backoff-multiplier must be at least 1: " + backoffMultiplier);
        }
        if (instanceId != null && !instanceId.isBlank() && !instanceId.strip().matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(
                    "edm.parser.consumer.instance-id may hold letters, digits, '.', '_' and '-' only: " + instanceId);
        }
    }
}
