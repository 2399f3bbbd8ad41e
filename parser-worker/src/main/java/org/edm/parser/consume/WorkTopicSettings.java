package org.edm.parser.consume;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The work topics this service consumes, {@code edm.kafka.uploaded-partitions} (the same
 * key and default as ingest-service's; the other {@code edm.kafka.*} keys belong to the
 * outbox module).
 *
 * @param uploadedPartitions partitions of {@code documents.uploaded} and
 * {@code documents.uploaded.bulk}, declared here too so that whichever service starts
 * first creates them wide enough; an existing topic with fewer is grown
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
