package org.edm.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay, {@code edm.outbox.*}.
 *
 * @param enabled whether this instance runs a relay (the writer is always available);
 * with several instances enabled, one publishes at a time
 * @param pollInterval how often the relay looks for rows written by other instances (rows
 * written by this instance wake it at once)
 * @param batchSize rows read per round; at most one row per aggregate is sent per round
 * @param backoff waiting between rounds while publishing fails
 * @param sendTimeout how long a round waits for the broker's acknowledgements (Kafka's
 * {@code delivery.timeout.ms}; half of it bounds the wait for metadata and for each
 * request)
 * @param retention how long published rows are kept before the cleanup deletes them
 * @param cleanupInterval how often published rows older than the retention are deleted
 * @param maxRecordFailures after this many failures that were the row's own (topic
 * missing or not writable, record refused), the row is parked: it is no longer sent, and
 * only the later rows of its aggregate wait behind it. Failures of the whole broker
 * (unreachable, timeouts) never count. A record too large or for an invalid topic name is
 * parked at its first failure.
 * @param parkedRetention how long parked rows are kept (for an operator to inspect or
 * release them) before the cleanup deletes them, which releases the later rows of their
 * aggregate
 * @param lockKey the PostgreSQL advisory lock that elects the one publishing relay; every
 * relay reading the same {@code outbox_events} table must use the same key
 */
@ConfigurationProperties("edm.outbox")
record OutboxSettings(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("100") int batchSize, @DefaultValue Backoff backoff, @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention, @DefaultValue("1h") Duration cleanupInterval,
        @DefaultValue("7306084537412711522") long lockKey, @DefaultValue("5") int maxRecordFailures,
        @DefaultValue("30d") Duration parkedRetention) {

    /** The default lock key: the ASCII bytes of {@code edm-outb} read as a long. */
    static final long DEFAULT_LOCK_KEY = 0x65646d2d6f757462L;

    OutboxSettings {
        requirePositive(pollInterval, "poll-interval");
        requirePositive(retention, "retention");
        requirePositive(cleanupInterval, "cleanup-interval");
        requirePositive(parkedRetention, "parked-retention");
        if (maxRecordFailures < 1) {
            throw new IllegalArgumentException(
                    "edm.outbox.max-record-failures must be at least 1: " + maxRecordFailures);
        }
        if (sendTimeout.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("edm.outbox.send-timeout must be at least 2s: " + sendTimeout);
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("edm.outbox.batch-size must be 1..10000: " + batchSize);
        }
    }

    /** Defaults, for code that builds a relay without Spring's binder. */
    static OutboxSettings defaults() {
        return new OutboxSettings(true, Duration.ofMillis(500), 100, Backoff.defaults(), Duration.ofSeconds(10),
                Duration.ofDays(7), Duration.ofHours(1), DEFAULT_LOCK_KEY, 5, Duration.ofDays(30));
    }

    /**
     * Exponential back-off while publishing fails: {@code initial}, then times
     * {@code multiplier} per further failed round, capped at {@code max}; reset by the
     * first successful round.
     */
    record Backoff(@DefaultValue("500ms") Duration initial, @DefaultValue("2.0") double multiplier,
            @DefaultValue("30s") Duration max) {

        Backoff {
            requirePositive(initial, "backoff.initial");
            requirePositive(max, "backoff.max");
            if (multiplier < 1.0) {
                throw new IllegalArgumentException("edm.outbox.backoff.multiplier must be >= 1: " + multiplier);
            }
        }

        static Backoff defaults() {
            return new Backoff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(30));
        }

        /**
         * The wait after the given number of consecutive failed rounds (1 = the first
         * failure).
         */
        Duration delayAfter(int consecutiveFailures) {
            double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, consecutiveFailures - 1));
            return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("edm.outbox." + name + " must be positive: " + value);
        }
    }
}
