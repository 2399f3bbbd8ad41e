package org.edm.ingest.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.edm.events.Topics;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the topics this service publishes; Spring's {@link KafkaAdmin} creates missing ones at start-up
 * ({@code spring.kafka.admin.auto-create}, default true) and never fails the start when the broker is down.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics ingestTopics(KafkaSettings settings) {
        return new KafkaAdmin.NewTopics(topic(Topics.DOCUMENTS_UPLOADED, settings.uploadedPartitions(), settings),
                topic(Topics.DOCUMENTS_UPLOADED_BULK, settings.uploadedPartitions(), settings),
                topic(Topics.DOCUMENTS_DELETED, settings.topicPartitions(), settings));
    }

    /**
     * The work topic gets a partition count of its own: it bounds how many documents the parsers work on at once
     * (KafkaAdmin adds partitions to an existing topic that has fewer).
     */
    private static NewTopic topic(String name, @Nullable Integer partitions, KafkaSettings settings) {
        TopicBuilder builder = TopicBuilder.name(name);
        if (partitions != null) {
            builder.partitions(partitions);
        }
        if (settings.topicReplicationFactor() != null) {
            builder.replicas(settings.topicReplicationFactor());
        }
        return builder.build();
    }
}
