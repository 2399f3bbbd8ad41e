package org.edm.parser.consume;

import java.util.concurrent.RejectedExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.edm.events.DocumentUploaded;
import org.edm.events.Topics;
import org.edm.parser.processing.DocumentProcessor;
import org.edm.parser.storage.StorageUnavailable;
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
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The listener container: ack mode RECORD (offset committed after the listener returned,
 * i.e. after the database commit), {@code edm.parser.consumer.concurrency} threads, and
 * one {@link DefaultErrorHandler}:
 * <ul>
 * <li>transient errors (database or object store unreachable, no free split slot within
 * {@code edm.parser.slot-wait}) are retried with exponential back-off;</li>
 * <li>every other exception, and a transient one whose retries ran out, sends the record
 * to {@value Topics#DOCUMENTS_UPLOADED_DEAD_LETTER} and, when the record is a readable
 * event, its document to {@code failed} (reason {@code processing_error}); then the
 * consumer moves on;</li>
 * <li>a {@link MalformedEvent} (poison message) goes to the dead-letter topic at
 * once.</li>
 * </ul>
 * With {@code edm.parser.consumer.instance-id} set, the consumers are static members of
 * their group ({@link StaticMembership}).
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumerConfiguration.class);

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumerFactory, DefaultErrorHandler documentsUploadedErrorHandler,
            ConsumerSettings settings,
            ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> staticMembership) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        factory.setConcurrency(settings.concurrency());
        factory.setCommonErrorHandler(documentsUploadedErrorHandler);
        factory.getContainerProperties().setAckMode(AckMode.RECORD);
        factory.getContainerProperties().setMicrometerEnabled(true);
        factory.setContainerCustomizer(staticMembership);
        return factory;
    }

    /**
     * Static group membership for the consumers of every listener container factory of
     * this worker when {@code edm.parser.consumer.instance-id} is set.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> staticMembership(
            ConsumerSettings settings) {
        return StaticMembership.customizer(settings.instanceId());
    }

    @Bean
    DefaultErrorHandler documentsUploadedErrorHandler(KafkaOperations<?, ?> kafka, DocumentUploadedReader reader,
            DocumentProcessor processor, ConsumerSettings settings) {
        // Partition -1: let the producer pick the dead-letter partition by key, whatever
        // the partition counts.
        var deadLetter = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.DOCUMENTS_UPLOADED_DEAD_LETTER, -1));
        ConsumerRecordRecoverer recoverer = (record, exception) -> {
            deadLetter.accept(record, exception);
            log.warn("Record {}-{}@{} (key {}) sent to {}: {}", record.topic(), record.partition(), record.offset(),
                    record.key(), Topics.DOCUMENTS_UPLOADED_DEAD_LETTER, rootMessage(exception));
            failDocument(record, exception, reader, processor);
        };
        var backOff = new ExponentialBackOffWithMaxRetries(settings.retries());
        backOff.setInitialInterval(settings.initialBackoff().toMillis());
        backOff.setMultiplier(settings.backoffMultiplier());
        backOff.setMaxInterval(settings.maxBackoff().toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.defaultFalse();
        handler.addRetryableExceptions(TransientDataAccessException.class, DataAccessResourceFailureException.class,
                RecoverableDataAccessException.class, CannotCreateTransactionException.class,
                TransactionSystemException.class, RejectedExecutionException.class, StorageUnavailable.class);
        return handler;
    }

    private static void failDocument(ConsumerRecord<?, ?> record, Exception exception, DocumentUploadedReader reader,
            DocumentProcessor processor) {
        if (!(record.value() instanceof String value)) {
            return;
        }
        DocumentUploaded event;
        try {
            event = reader.read(value);
        }
        catch (MalformedEvent poison) {
            return;
        }
        try {
            processor.failAfterRetries(event, rootCause(exception));
        }
        catch (RuntimeException e) {
            // The database may be what failed in the first place; the document then stays
            // in processing and
            // the stale sweep takes it over later.
            log.warn("Cannot mark document {} failed: {}", event.documentId(), e.toString());
        }
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String rootMessage(Throwable exception) {
        return rootCause(exception).toString();
    }

}
