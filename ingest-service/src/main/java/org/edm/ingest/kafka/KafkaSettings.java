package org.edm.ingest.kafka;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka topics and health, {@code edm.kafka.*}.
 *
 * @param topicPartitions partitions of {@code documents.uploaded} and {@code documents.deleted} when this service
 *        creates them; the broker's default when unset. Existing topics are never changed.
 * @param topicReplicationFactor their replication factor when created; the broker's default when unset
 * @param healthTimeout how long the health check waits for the cluster to answer
 */
@ConfigurationProperties("edm.kafka")
record KafkaSettings(
        @Nullable Integer topicPartitions,
        @Nullable Short topicReplicationFactor,
        @DefaultValue("3s") Duration healthTimeout) {
}
