package org.edm.ingest.document;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Re-announcing documents left {@code pending}, {@code edm.pending-recovery.*}.
 *
 * @param after how long a document must have been {@code pending}, unclaimed and without
 * an unpublished event before it is announced again; longer than the parser's backlog can
 * plausibly be, since a re-announced document that is merely queued is harmless but costs
 * one more event
 * @param interval how often the sweeper looks
 * @param batchSize documents announced again per run at most
 */
@ConfigurationProperties("edm.pending-recovery")
public record PendingRecoverySettings(@DefaultValue("30m") Duration after, @DefaultValue("1m") Duration interval,
        @DefaultValue("50") int batchSize) {

    public PendingRecoverySettings {
        if (after.isNegative() || after.isZero() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("edm.pending-recovery.after and interval must be positive");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("edm.pending-recovery.batch-size must be 1..10000: " + batchSize);
        }
    }
}
