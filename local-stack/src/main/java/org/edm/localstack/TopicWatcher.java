package org.edm.localstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code java -jar local-stack.jar watch [--from-beginning] [--kafka=HOST:PORT] [topic...]}:
 * a plain Kafka consumer that prints every record of the project's topics (default:
 * documents.uploaded, documents.uploaded.bulk, documents.processed, documents.compared,
 * documents.deleted, documents.uploaded.DLT) as one line: topic, key, event-type header,
 * value. For trying the system without a Kafka distribution at hand.
 */
final class TopicWatcher {

    // the names of org.edm.events.Topics (the events module is not on the launcher's
    // class path)
    static final List<String> DEFAULT_TOPICS = List.of("documents.uploaded", "documents.uploaded.bulk",
            "documents.processed", "documents.compared", "documents.deleted", "documents.uploaded.DLT");

    private TopicWatcher() {
    }

    static void run(List<String> args, Map<String, String> env) {
        String bootstrap = env.getOrDefault("EDM_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        boolean fromBeginning = false;
        List<String> topics = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--from-beginning")) {
                fromBeginning = true;
            }
            else if (arg.startsWith("--kafka=")) {
                bootstrap = arg.substring("--kafka=".length());
            }
            else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option for watch: " + arg);
            }
            else {
                topics.add(arg);
            }
        }
        if (topics.isEmpty()) {
            topics.addAll(DEFAULT_TOPICS);
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "edm-watch-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(topics);
            System.err.println("watching " + topics + " on " + bootstrap + " (Ctrl-C stops)");
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header type = record.headers().lastHeader("edm-event-type");
                    System.out.printf("%s %s key=%s type=%s %s%n", Instant.ofEpochMilli(record.timestamp()),
                            record.topic(), record.key(),
                            type == null ? "-" : new String(type.value(), StandardCharsets.UTF_8), record.value());
                }
            }
        }
    }

}
