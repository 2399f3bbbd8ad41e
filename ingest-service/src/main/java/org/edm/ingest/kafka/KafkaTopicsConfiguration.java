package org.edm.ingest.kafka;

import org.edm.events.Topics;
import org.edm.outbox.KafkaTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics this service publishes, created at start-up when missing (see
 * {@link KafkaTopics}).
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    /**
     * The work topics get a partition count of their own: it bounds how many documents
     * the parsers work on at once.
     */
    @Bean
    KafkaAdmin.NewTopics ingestWorkTopics(KafkaTopics topics) {
        return topics.declareWorkTopics();
    }

    @Bean
    KafkaAdmin.NewTopics ingestTopics(KafkaTopics topics) {
        return topics.declare(Topics.DOCUMENTS_DELETED);
    }

}
