package org.edm.outbox;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the topics a service declares are created, {@code edm.kafka.*}. Existing topics are
 * never changed, except that a topic declared with a partition count of its own is grown
 * to it.
 *
 * @param topicPartitions partitions of the topics a service creates without a count of
 * their own; the broker's default when unset
 * @param topicReplicationFactor replication factor of the topics a service creates; the
 * broker's default when unset
 * @param uploadedPartitions partitions of the parser's work topics
 * {@code documents.uploaded} and {@code documents.uploaded.bulk}: the most documents
 * parsed at once by one consumer group (one per partition); ingest-service and
 * parser-worker both declare them with it, so that whichever starts first creates them
 * wide enough; an existing topic with fewer is grown to this count, never shrunk
 */
@ConfigurationProperties("edm.kafka")
record KafkaTopicSettings(@Nullable Integer topicPartitions, @Nullable Short topicReplicationFactor,
        @DefaultValue("6") int uploadedPartitions) {

    KafkaTopicSettings {
        if (uploadedPartitions < 1) {
            throw new IllegalArgumentException(
                    "edm.kafka.uploaded-partitions must be at least 1: " + uploadedPartitions);
        }
    }
}
