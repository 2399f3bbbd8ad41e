package org.edm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.edm.events.Topics;
import org.edm.ingest.IngestClient.Upload;
import org.edm.testsupport.KafkaTopicReader;
import org.edm.testsupport.RealInfrastructure;
import org.edm.testsupport.TestApiKeys;
import org.edm.testsupport.TestInfrastructure;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Uploads per second and upload-to-event latency for 1 MB and 20 MB PDFs, over real HTTP
 * into the service with its default settings, on the embedded PostgreSQL and Kafka.
 * Upload-to-event is measured from the moment the client starts sending to the moment a
 * plain Kafka consumer receives the document's DocumentUploaded. Run:
 * {@code mvn -B -pl ingest-service -Pbenchmark test}. Prints its figures; asserts only
 * correctness.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "logging.level.org.apache.pdfbox=ERROR", "edm.security.rate-limit.enabled=false" })
@RealInfrastructure
class IngestBenchmark {

    private static final Path STORAGE_ROOT = createStorageRoot();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("edm.storage.root", STORAGE_ROOT::toString);
    }

    @AfterAll
    static void deleteStoredFiles() throws IOException {
        try (Stream<Path> files = Files.walk(STORAGE_ROOT)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void uploadThroughputAndUploadToEventLatency() throws Exception {
        IngestClient client = new IngestClient(port, TestApiKeys.shared().create("documents:write"));
        // make sure the topic exists
        KafkaTopicReader.atEnd(Topics.DOCUMENTS_UPLOADED).close();
        try (EventClock events = new EventClock(TestInfrastructure.shared().bootstrapServers())) {
            run(client, events, "warm-up 1 MB", 1, 30, 4, false);
            List<String> lines = new ArrayList<>();
            lines.add(run(client, events, "1 MB", 1, 200, 4, true));
            lines.add(run(client, events, "1 MB", 1, 100, 1, true));
            lines.add(run(client, events, "20 MB", 20, 30, 2, true));
            lines.add(run(client, events, "20 MB", 20, 15, 1, true));
            System.out.println();
            System.out.printf(
                    "[benchmark] ingest-service, default settings, embedded PostgreSQL + Kafka in the same JVM,"
                            + " %d cores, load average %.1f%n",
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("[benchmark] %-6s %7s %7s %8s %9s %7s %16s %22s %s%n", "size", "uploads", "clients",
                    "seconds", "uploads/s", "MB/s", "HTTP p50/p99 ms", "upload->event p50/p99 ms",
                    "server mean ms (stage+commit)");
            lines.forEach(System.out::println);
            System.out.println();
        }
    }

    private String run(IngestClient client, EventClock events, String label, int megabytes, int uploads, int clients,
            boolean report) throws Exception {
        byte[] base = TestPdfs.padded("benchmark " + label + " " + UUID.randomUUID(), megabytes * 1024 * 1024);
        String batch = UUID.randomUUID().toString();
        List<Long> httpNanos = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> startedAt = new ConcurrentHashMap<>();
        AtomicLong counter = new AtomicLong();
        Timer serverTimer = meters.timer("edm.uploads.duration", "outcome", "created");
        long serverCountBefore = serverTimer.count();
        double serverMillisBefore = serverTimer.totalTime(TimeUnit.MILLISECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                futures.add(pool.submit(() -> {
                    long n = counter.incrementAndGet();
                    byte[] pdf = TestPdfs.variant(base, n);
                    long t0 = System.nanoTime();
                    var response = client.upload(Upload.of(pdf, "Benchmark " + batch + " #" + n, "1"));
                    long t1 = System.nanoTime();
                    assertThat(response.status()).as(response.raw()).isEqualTo(202);
                    httpNanos.add(t1 - t0);
                    startedAt.put(response.id(), t0);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        finally {
            pool.shutdown();
        }
        long uploaded = System.nanoTime();
        List<Long> eventNanos = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        for (var entry : startedAt.entrySet()) {
            Long arrived;
            while ((arrived = events.arrival(entry.getKey())) == null) {
                assertThat(System.nanoTime()).as("event of %s", entry.getKey()).isLessThan(deadline);
                Thread.sleep(5);
            }
            eventNanos.add(arrived - entry.getValue());
        }
        double seconds = (uploaded - started) / 1e9;
        if (!report) {
            return "";
        }
        double serverMean = (serverTimer.totalTime(TimeUnit.MILLISECONDS) - serverMillisBefore)
                / Math.max(1, serverTimer.count() - serverCountBefore);
        return String.format("[benchmark] %-6s %7d %7d %8.2f %9.1f %7.1f %7.0f / %-7.0f %10.0f / %-10.0f %8.0f", label,
                uploads, clients, seconds, uploads / seconds, uploads * (double) base.length / 1_048_576 / seconds,
                percentile(httpNanos, 0.50), percentile(httpNanos, 0.99), percentile(eventNanos, 0.50),
                percentile(eventNanos, 0.99), serverMean);
    }

    private static double percentile(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.max(0, (int) Math.ceil(p * sorted.size()) - 1);
        return sorted.get(index) / 1e6;
    }

    private static Path createStorageRoot() {
        try {
            return Files.createTempDirectory("edm-ingest-benchmark");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A plain consumer on documents.uploaded that notes when each document's event
     * arrives.
     */
    private static final class EventClock implements AutoCloseable {

        private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

        private final AtomicBoolean running = new AtomicBoolean(true);

        private final Thread poller;

        EventClock(String bootstrapServers) throws InterruptedException {
            var consumer = new KafkaConsumer<String, String>(
                    Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
                            "benchmark-" + UUID.randomUUID(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DOCUMENTS_UPLOADED, Duration.ofSeconds(30))
                .stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            poller = new Thread(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                            arrivals.putIfAbsent(record.key(), System.nanoTime());
                        }
                    }
                }
            }, "benchmark-event-clock");
            poller.start();
        }

        Long arrival(String documentId) {
            return arrivals.get(documentId);
        }

        @Override
        public void close() {
            running.set(false);
            try {
                poller.join(5_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

    }

}
