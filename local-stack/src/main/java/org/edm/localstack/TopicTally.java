package org.edm.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the topics say about each document, read from the beginning to the end offsets:
 * the distinct {@code DocumentProcessed} events (by event id) on
 * {@code documents.processed}, the distinct {@code DocumentUploaded} event ids on
 * {@code documents.uploaded} and {@code documents.uploaded.bulk}, and the records on the
 * dead-letter topics.
 */
final class TopicTally {

    // the names of org.edm.events.Topics (the events module is not on the launcher's
    // class path)
    static final String PROCESSED = "documents.processed";
    static final List<String> UPLOADED = List.of("documents.uploaded", "documents.uploaded.bulk");
    static final List<String> DEAD_LETTERS = List.of("documents.uploaded.DLT", "documents.processed.compare.DLT");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One distinct {@code DocumentProcessed} event. */
    record Processed(UUID eventId, String status, int sectionCount) {
    }

    private final Map<UUID, List<Processed>> processed = new HashMap<>();

    private final Set<UUID> processedEventIds = new HashSet<>();

    private final Map<UUID, Set<UUID>> uploadedEventIds = new HashMap<>();

    private final Map<String, Long> deadLetters = new TreeMap<>();

    private long redelivered;

    private long uploadedRecords;

    /** Counts one record's value (a JSON event) of {@code topic}. */
    void add(String topic, String value) {
        if (DEAD_LETTERS.contains(topic)) {
            deadLetters.merge(topic, 1L, Long::sum);
            return;
        }
        JsonNode event = JSON.readTree(value);
        UUID eventId = UUID.fromString(event.path("eventId").asString());
        UUID documentId = UUID.fromString(event.path("documentId").asString());
        if (topic.equals(PROCESSED)) {
            if (!processedEventIds.add(eventId)) {
                redelivered++;
                return;
            }
            processed.computeIfAbsent(documentId, id -> new ArrayList<>())
                .add(new Processed(eventId, event.path("status").asString(), event.path("sectionCount").asInt()));
        }
        else if (UPLOADED.contains(topic)) {
            uploadedRecords++;
            uploadedEventIds.computeIfAbsent(documentId, id -> new HashSet<>()).add(eventId);
        }
    }

    /**
     * The distinct {@code DocumentProcessed} events of a document, in the order they were
     * read.
     */
    List<Processed> processed(UUID documentId) {
        return processed.getOrDefault(documentId, List.of());
    }

    long redelivered() {
        return redelivered;
    }

    /**
     * Documents among {@code ids} announced more than once ({@code DocumentUploaded} with
     * another event id).
     */
    long reannounced(Set<UUID> ids) {
        return uploadedEventIds.entrySet()
            .stream()
            .filter(entry -> ids.contains(entry.getKey()) && entry.getValue().size() > 1)
            .count();
    }

    /**
     * Records on the work topics: one per upload, plus re-deliveries and the pending
     * sweeper's announcements.
     */
    long uploadedRecords() {
        return uploadedRecords;
    }

    Map<String, Long> deadLetters() {
        Map<String, Long> all = new LinkedHashMap<>();
        DEAD_LETTERS.forEach(topic -> all.put(topic, deadLetters.getOrDefault(topic, 0L)));
        return all;
    }

    /** Reads every record of the project's topics up to their end offsets now. */
    static TopicTally read(String bootstrapServers) {
        var tally = new TopicTally();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers, ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<String> topics = new ArrayList<>();
            topics.add(PROCESSED);
            topics.addAll(UPLOADED);
            topics.addAll(DEAD_LETTERS);
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(30));
            for (String topic : topics) {
                for (PartitionInfo partition : existing.getOrDefault(topic, List.of())) {
                    partitions.add(new TopicPartition(topic, partition.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            end.values().removeIf(offset -> offset == 0);
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!end.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics not read to their end within 10 min: " + end.keySet());
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        tally.add(record.topic(), record.value());
                    }
                }
                end.entrySet().removeIf(entry -> consumer.position(entry.getKey()) >= entry.getValue());
            }
        }
        return tally;
    }

}
