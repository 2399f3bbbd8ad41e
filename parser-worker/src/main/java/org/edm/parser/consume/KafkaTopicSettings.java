package org.edm.parser.consume;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topics this service publishes to, {@code edm.kafka.*} (the same keys as ingest-service's).
 *
 * @param topicPartitions partitions of {@code documents.processed} and {@code documents.uploaded.DLT} when this
 *        service creates them; the broker's default when unset. Existing topics are never changed.
 * @param topicReplicationFactor their replication factor when created; the broker's default when unset
 */
@ConfigurationProperties("edm.kafka")
record KafkaTopicSettings(@Nullable Integer topicPartitions, @Nullable Short topicReplicationFactor) {
}
