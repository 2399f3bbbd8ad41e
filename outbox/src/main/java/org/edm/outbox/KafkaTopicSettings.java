package org.edm.outbox;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the topics a service declares are created, {@code edm.kafka.*}. Existing topics are
 * never changed, except that a topic declared with a partition count of its own is grown
 * to it.
 *
 * @param topicPartitions partitions of the topics a service creates without a count of
 * their own; the broker's default when unset
 * @param topicReplicationFactor replication factor of the topics a service creates; the
 * broker's default when unset
 */
@ConfigurationProperties("edm.kafka")
record KafkaTopicSettings(@Nullable Integer topicPartitions, @Nullable Short topicReplicationFactor) {
}
