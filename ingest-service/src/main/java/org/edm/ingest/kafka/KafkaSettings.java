package org.edm.ingest.kafka;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka topics, {@code edm.kafka.*} ({@code edm.kafka.health-timeout} belongs to the outbox module's shared
 * admin client and {@code kafka} health indicator).
 *
 * @param topicPartitions partitions of {@code documents.deleted} when this service creates it; the broker's
 *        default when unset. Existing topics are never changed.
 * @param topicReplicationFactor replication factor of the topics this service creates; the broker's default when
 *        unset
 * @param uploadedPartitions partitions of the parser's work topics {@code documents.uploaded} and
 *        {@code documents.uploaded.bulk}: the most documents parsed at once by one consumer group (one per
 *        partition); an existing topic with fewer is grown to this count at start-up, never shrunk
 */
@ConfigurationProperties("edm.kafka")
record KafkaSettings(
        @Nullable Integer topicPartitions,
        @Nullable Short topicReplicationFactor,
        @DefaultValue("6") int uploadedPartitions) {

    KafkaSettings {
        if (uploadedPartitions < 1) {
            throw new IllegalArgumentException("edm.kafka.uploaded-partitions must be at least 1: " + uploadedPartitions);
        }
    }
}
