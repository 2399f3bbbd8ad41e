package org.edm.parser.compare.consume;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.edm.parser.compare.CompareSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The versions consumer's own container factory: ack mode RECORD, one thread, transient
 * database errors retried with back-off ({@code edm.parser.compare.*}); what still fails,
 * and unreadable records at once, go to {@value #DEAD_LETTER_TOPIC} (the parser's
 * {@code documents.uploaded} handling is not involved).
 */
@Configuration(proxyBeanMethods = false)
class CompareConsumerConfiguration {

    static final String CONTAINER_FACTORY = "compareListenerContainerFactory";
    static final String DEAD_LETTER_TOPIC = "documents.processed.compare.DLT";

    private static final Logger log = LoggerFactory.getLogger(CompareConsumerConfiguration.class);

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> compareListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumerFactory, KafkaOperations<?, ?> kafka, CompareSettings settings,
            ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> staticMembership) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        factory.setConcurrency(1);
        // the worker's static group membership, when it has a name
        factory.setContainerCustomizer(staticMembership);
        factory.getContainerProperties().setAckMode(AckMode.RECORD);
        factory.setCommonErrorHandler(errorHandler(kafka, settings));
        return factory;
    }

    private static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> kafka, CompareSettings settings) {
        var deadLetter = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(DEAD_LETTER_TOPIC, -1));
        var backOff = new ExponentialBackOffWithMaxRetries(settings.retries());
        backOff.setInitialInterval(settings.initialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(settings.maxBackoff().toMillis());
        var handler = new DefaultErrorHandler((record, exception) -> {
            deadLetter.accept(record, exception);
            log.warn("Record {}-{}@{} (key {}) sent to {}: {}", record.topic(), record.partition(), record.offset(),
                    record.key(), DEAD_LETTER_TOPIC, exception.getCause() != null ? exception.getCause() : exception);
        }, backOff);
        handler.defaultFalse();
        handler.addRetryableExceptions(TransientDataAccessException.class, DataAccessResourceFailureException.class,
                RecoverableDataAccessException.class, CannotCreateTransactionException.class,
                TransactionSystemException.class);
        return handler;
    }

    @Bean
    NewTopic documentsProcessedCompareDeadLetterTopic() {
        return TopicBuilder.name(DEAD_LETTER_TOPIC).build();
    }

}
