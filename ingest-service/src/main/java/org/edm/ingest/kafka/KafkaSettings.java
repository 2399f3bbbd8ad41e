package org.edm.ingest.kafka;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kafka topics, {@code edm.kafka.*} ({@code edm.kafka.health-timeout} belongs to the outbox module's shared
 * admin client and {@code kafka} health indicator).
 *
 * @param topicPartitions partitions of {@code documents.uploaded} and {@code documents.deleted} when this service
 *        creates them; the broker's default when unset. Existing topics are never changed.
 * @param topicReplicationFactor their replication factor when created; the broker's default when unset
 */
@ConfigurationProperties("edm.kafka")
record KafkaSettings(
        @Nullable Integer topicPartitions,
        @Nullable Short topicReplicationFactor) {
}
