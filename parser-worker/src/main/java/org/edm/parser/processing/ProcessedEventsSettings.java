package org.edm.parser.processing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention of the idempotent consumer's log {@code processed_events},
 * {@code edm.parser.processed-events.*}.
 *
 * @param retention how long an applied event id is remembered; keep it well above the
 * retention of {@code documents.uploaded} (Kafka's default is 7 days), the longest a
 * re-delivery can come late. A forgotten event that arrives again still finds its
 * document no longer {@code pending} and does nothing.
 * @param cleanupInterval how often older entries are deleted
 */
@ConfigurationProperties("edm.parser.processed-events")
record ProcessedEventsSettings(@DefaultValue("30d") Duration retention, @DefaultValue("1h") Duration cleanupInterval) {

    ProcessedEventsSettings {
        if (retention.isNegative() || retention.isZero() || cleanupInterval.isNegative() || cleanupInterval.isZero()) {
            throw new IllegalArgumentException(
                    "edm.parser.processed-events.retention and cleanup-interval must be positive");
        }
    }
}
