package org.edm.ingest.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The parser's work topics, {@code edm.kafka.uploaded-partitions} (the other
 * {@code edm.kafka.*} keys belong to the outbox module: topic defaults, the shared admin
 * client and the {@code kafka} health indicator).
 *
 * @param uploadedPartitions partitions of the parser's work topics
 * {@code documents.uploaded} and {@code documents.uploaded.bulk}: the most documents
 * parsed at once by one consumer group (one per partition); an existing topic with fewer
 * is grown to this count at start-up, never shrunk
 */
@ConfigurationProperties("edm.kafka")
record WorkTopicSettings(@DefaultValue("6") int uploadedPartitions) {

    WorkTopicSettings {
        if (uploadedPartitions < 1) {
            throw new IllegalArgumentException(
                    "edm.kafka.uploaded-partitions must be at least 1: " + uploadedPartitions);
        }
    }
}
