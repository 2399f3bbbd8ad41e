package org.edm.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain Kafka consumer, as an outside consumer of the topics would use, that reads what
 * is published to the given topics after it was opened. Not thread-safe.
 */
public final class KafkaTopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    private KafkaTopicReader(String bootstrapServers, List<String> topics) {
        createTopicsIfMissing(bootstrapServers, topics);
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // resolve the end offsets now, before the test acts
        partitions.forEach(consumer::position);
    }

    /**
     * Opens a reader on the given broker, positioned at the current end of each topic
     * (created if missing).
     */
    public static KafkaTopicReader atEndOn(String bootstrapServers, String... topics) {
        return new KafkaTopicReader(bootstrapServers, List.of(topics));
    }

    /**
     * Opens a reader on the shared test broker, positioned at the current end of each
     * topic.
     */
    public static KafkaTopicReader atEnd(String... topics) {
        return atEndOn(TestInfrastructure.shared().bootstrapServers(), topics);
    }

    /**
     * Polls until the records received so far satisfy {@code done}, or fails after
     * {@code timeout}.
     * @return every record received since the reader was opened
     */
    public List<ConsumerRecord<String, String>> pollUntil(Predicate<List<ConsumerRecord<String, String>>> done,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(received)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Kafka records did not arrive within " + timeout + "; received: " + received);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        }
        return List.copyOf(received);
    }

    /**
     * Polls for {@code quiet} more and returns everything received since the reader was
     * opened.
     */
    public List<ConsumerRecord<String, String>> drain(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        }
        return List.copyOf(received);
    }

    /**
     * Polls until this reader has read every record that was on its topics when called
     * (the end offset of every partition), or fails after {@code timeout}: no fixed wait
     * for "nothing more arrives".
     * @return every record received since the reader was opened
     */
    public List<ConsumerRecord<String, String>> pollToEnd(Duration timeout) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Kafka partitions not read to " + ends + " within " + timeout);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        }
        return List.copyOf(received);
    }

    /** Records received so far whose key is the given document id. */
    public List<ConsumerRecord<String, String>> forKey(String key) {
        return received.stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }

    private static void createTopicsIfMissing(String bootstrapServers, List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    try {
                        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                    }
                    catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw new IllegalStateException("cannot create topic " + topic, e);
                        }
                    }
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics", e);
        }
    }

}
