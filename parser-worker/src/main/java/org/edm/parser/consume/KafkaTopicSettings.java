package org.edm.parser.consume;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topics this service publishes to, {@code edm.kafka.*} (the same keys as ingest-service's).
 *
 * @param topicPartitions partitions of {@code documents.processed} and {@code documents.uploaded.DLT} when this
 *        service creates them; the broker's default when unset. Existing topics are never changed.
 * @param topicReplicationFactor their replication factor when created; the broker's default when unset
 * @param uploadedPartitions partitions of the work topics this service consumes, {@code documents.uploaded} and
 *        {@code documents.uploaded.bulk}, declared here too (same key and default as ingest-service) so that
 *        whichever service starts first creates them wide enough; an existing topic with fewer is grown
 */
@ConfigurationProperties("edm.kafka")
record KafkaTopicSettings(@Nullable Integer topicPartitions, @Nullable Short topicReplicationFactor,
        @DefaultValue("6") int uploadedPartitions) {

    KafkaTopicSettings {
        if (uploadedPartitions < 1) {
            throw new IllegalArgumentException("edm.kafka.uploaded-partitions must be at least 1: " + uploadedPartitions);
        }
    }
}
