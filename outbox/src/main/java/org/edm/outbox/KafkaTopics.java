package org.edm.outbox;

import java.util.Arrays;

import org.apache.kafka.clients.admin.NewTopic;
import org.edm.events.Topics;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the topics a service publishes to or consumes, with
 * {@code edm.kafka.topic-partitions} and {@code topic-replication-factor}. A service
 * returns the declarations as a bean; Spring's {@link KafkaAdmin} creates the missing
 * topics at start-up and never fails the start when the broker is down. On a broker that
 * does not create topics on first use, an undeclared topic would leave every event for it
 * refused (and parked). <pre>{@code
 * &#64;Bean
 * KafkaAdmin.NewTopics ingestTopics(KafkaTopics topics) {
 *     return topics.declare(Topics.DOCUMENTS_DELETED);
 * }
 * }</pre>
 */
public final class KafkaTopics {

    private final KafkaTopicSettings settings;

    KafkaTopics(KafkaTopicSettings settings) {
        this.settings = settings;
    }

    /**
     * The topics with {@code edm.kafka.topic-partitions} partitions (the broker's default
     * when unset).
     */
    public KafkaAdmin.NewTopics declare(String... names) {
        return new KafkaAdmin.NewTopics(topics(names));
    }

    /**
     * The parser's work topics, {@value Topics#DOCUMENTS_UPLOADED} and
     * {@value Topics#DOCUMENTS_UPLOADED_BULK}, with {@code edm.kafka.uploaded-partitions}
     * partitions: they bound how many documents the consumer group parses at once. An
     * existing topic with fewer partitions is grown to it, never shrunk. Declared alike
     * by the service that publishes them and the one that consumes them.
     */
    public KafkaAdmin.NewTopics declareWorkTopics() {
        return new KafkaAdmin.NewTopics(workTopics());
    }

    NewTopic[] topics(String... names) {
        return build(settings.topicPartitions(), names);
    }

    NewTopic[] workTopics() {
        return topics(settings.uploadedPartitions(), Topics.DOCUMENTS_UPLOADED, Topics.DOCUMENTS_UPLOADED_BULK);
    }

    NewTopic[] topics(int partitions, String... names) {
        return build(partitions, names);
    }

    private NewTopic[] build(@Nullable Integer partitions, String... names) {
        return Arrays.stream(names).map(name -> topic(name, partitions)).toArray(NewTopic[]::new);
    }

    private NewTopic topic(String name, @Nullable Integer partitions) {
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
