package org.edm.parser.consume;

import org.apache.kafka.clients.admin.NewTopic;
import org.edm.events.Topics;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the topics this service publishes to: {@value Topics#DOCUMENTS_PROCESSED} (through the outbox) and
 * {@value Topics#DOCUMENTS_UPLOADED_DEAD_LETTER}, and the work topics it consumes, {@value Topics#DOCUMENTS_UPLOADED} and {@value Topics#DOCUMENTS_UPLOADED_BULK}
 * ({@code edm.kafka.uploaded-partitions}, as ingest-service declares it). Spring's {@link KafkaAdmin} creates missing ones at start-up and
 * never fails the start when the broker is down. On a broker that does not create topics on first use, an
 * undeclared topic would leave every {@code DocumentProcessed} row refused (and parked by the outbox relay).
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics parserTopics(KafkaTopicSettings settings) {
        return new KafkaAdmin.NewTopics(topic(Topics.DOCUMENTS_PROCESSED, settings.topicPartitions(), settings),
                topic(Topics.DOCUMENTS_UPLOADED_DEAD_LETTER, settings.topicPartitions(), settings),
                topic(Topics.DOCUMENTS_UPLOADED, settings.uploadedPartitions(), settings),
                topic(Topics.DOCUMENTS_UPLOADED_BULK, settings.uploadedPartitions(), settings));
    }

    private static NewTopic topic(String name, @Nullable Integer partitions, KafkaTopicSettings settings) {
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
