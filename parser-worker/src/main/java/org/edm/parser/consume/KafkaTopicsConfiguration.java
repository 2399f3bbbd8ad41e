package org.edm.parser.consume;

import org.edm.events.Topics;
import org.edm.outbox.KafkaTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics this service publishes to, {@value Topics#DOCUMENTS_PROCESSED} (through the
 * outbox) and {@value Topics#DOCUMENTS_UPLOADED_DEAD_LETTER}, and the work topics it
 * consumes, {@value Topics#DOCUMENTS_UPLOADED} and
 * {@value Topics#DOCUMENTS_UPLOADED_BULK} (as ingest-service declares them), created at
 * start-up when missing (see {@link KafkaTopics}).
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics parserTopics(KafkaTopics topics) {
        return topics.declare(Topics.DOCUMENTS_PROCESSED, Topics.DOCUMENTS_UPLOADED_DEAD_LETTER);
    }

    @Bean
    KafkaAdmin.NewTopics parserWorkTopics(KafkaTopics topics) {
        return topics.declareWorkTopics();
    }

}
