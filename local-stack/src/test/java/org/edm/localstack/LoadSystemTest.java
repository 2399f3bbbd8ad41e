package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.edm.events.Topics;
import org.edm.testsupport.SharedCorpus;
import org.edm.testsupport.KafkaTopicReader;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Load against the running system: uploads from 16 concurrent clients while 50 clients
 * search. Every upload must end {@code done} (or {@code failed} with a reason, for the
 * corpus's broken files); figures are printed, not asserted. The short variant (CI)
 * uploads {@code edm.load.uploads} = 32 generated specifications; the long one,
 * {@code -Dedm.load.uploads=1000}, cycles through the PDFs of the shared corpus
 * ({@code SharedCorpus}) when it exists.
 */
@SystemTest
class LoadSystemTest {

    static final int UPLOADS = Integer.getInteger("edm.load.uploads", 32);
    static final int UPLOAD_CLIENTS = 16;
    static final int SEARCH_CLIENTS = 50;

    /**
     * Each search client waits this long between its requests, as a person typing would.
     */
    static final Duration SEARCH_THINK_TIME = Duration.ofMillis(Long.getLong("edm.load.think-ms", 250));

    static SharedStack stack;
    static SystemClient client;
    static JdbcClient jdbc;

    @Test
    void concurrentUploadsAllFinishWhileSearchesAreServed() throws Exception {
        List<byte[]> pdfs = pdfsToUpload();
        Map<String, Long> uploadedAt = new ConcurrentHashMap<>();
        Map<String, Long> processedAt = new ConcurrentHashMap<>();
        List<Long> searchNanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger searchErrors = new AtomicInteger();
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong peakParserHeap = new AtomicLong();
        String run = UUID.randomUUID().toString().substring(0, 8);

        try (var events = KafkaTopicReader.atEnd(Topics.DOCUMENTS_PROCESSED)) {
            ExecutorService searchers = Executors.newFixedThreadPool(SEARCH_CLIENTS + 1);
            for (int i = 0; i < SEARCH_CLIENTS; i++) {
                String query = List
                    .of("order book", "sequence number", "price field", "\"message type\"", "seq*", "AddOrder",
                            "SoupBinTCP -heartbeat", "35=D")
                    .get(i % 8);
                searchers.submit(() -> {
                    while (loading.get()) {
                        long started = System.nanoTime();
                        try {
                            int status = client
                                .get(stack.search
                                    .resolve("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                                .statusCode();
                            searchNanos.add(System.nanoTime() - started);
                            if (status != 200) {
                                searchErrors.incrementAndGet();
                            }
                            Thread.sleep(SEARCH_THINK_TIME.toMillis());
                        }
                        catch (IOException e) {
                            searchErrors.incrementAndGet();
                        }
                        catch (InterruptedException e) {
                            return null;
                        }
                    }
                    return null;
                });
            }
            searchers.submit(() -> {
                while (loading.get()) {
                    peakParserHeap.accumulateAndGet(parserHeapUsed(), Math::max);
                    Thread.sleep(500);
                }
                return null;
            });

            // when: 16 clients upload
            long started = System.nanoTime();
            ExecutorService uploaders = Executors.newFixedThreadPool(UPLOAD_CLIENTS);
            List<Future<String>> uploads = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) {
                byte[] pdf = pdfs.get(i % pdfs.size());
                String title = "Load " + run + " " + i;
                uploads.add(uploaders.submit(() -> {
                    String id = client.uploadAccepted(pdf, title, "1");
                    uploadedAt.put(id, System.nanoTime());
                    return id;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> upload : uploads) {
                ids.add(upload.get(5, TimeUnit.MINUTES));
            }
            long uploadNanos = System.nanoTime() - started;
            uploaders.shutdown();

            // then: every document is parsed; the processed event marks it searchable
            List<ConsumerRecord<String, String>> records = events.pollUntil(received -> {
                received.forEach(r -> processedAt.putIfAbsent(r.key(), r.timestamp()));
                return ids.stream().allMatch(processedAt::containsKey);
            }, Duration.ofMinutes(Math.max(10, UPLOADS / 5)));
            long allNanos = System.nanoTime() - started;
            loading.set(false);
            searchers.shutdown();
            searchers.awaitTermination(1, TimeUnit.MINUTES);

            Map<String, JsonNode> lastEvent = new ConcurrentHashMap<>();
            records.forEach(r -> lastEvent.put(r.key(), SystemClient.JSON.readTree(r.value())));
            long done = ids.stream().filter(id -> "done".equals(lastEvent.get(id).get("status").asString())).count();
            long failed = ids.size() - done;
            long pages = ids.stream().mapToLong(id -> lastEvent.get(id).path("pageCount").asLong(0)).sum();
            boolean generated = pdfs.size() <= 3;
            for (String id : ids) {
                var row = jdbc.sql("""
                        SELECT processing_status, metadata ->> 'failure_reason' AS reason FROM documents WHERE id = :id
                        """)
                    .param("id", UUID.fromString(id))
                    .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
                    .single();
                if (generated) {
                    // the generated PDFs are valid specifications: anything but done is a
                    // defect
                    assertThat(row[0]).as("status of %s (failure reason %s)", id, row[1]).isEqualTo("done");
                }
                else {
                    // the corpus holds damaged, encrypted and scanned files on purpose:
                    // failed, but with a reason
                    assertThat(row[0]).as("status of " + id).isIn("done", "failed");
                    if ("failed".equals(row[0])) {
                        assertThat(row[1]).as("failure reason of " + id).isNotBlank();
                    }
                }
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(UPLOADS);
            List<Long> toSearchable = new ArrayList<>();
            long wallStartMillis = System.currentTimeMillis() - (System.nanoTime() - started) / 1_000_000;
            for (String id : ids) {
                long uploadMillis = wallStartMillis + (uploadedAt.get(id) - started) / 1_000_000;
                toSearchable.add(Math.max(0, processedAt.get(id) - uploadMillis));
            }
            Collections.sort(toSearchable);
            List<Long> searchMillis = new ArrayList<>(searchNanos.stream().map(n -> n / 1_000_000).toList());
            Collections.sort(searchMillis);

            System.out.printf(
                    """
                            [load] %d uploads from %d clients (%s PDFs), %d done, %d failed, documents lost: %d
                            [load] uploads/s: %.1f   documents parsed/s: %.2f   pages/s: %.1f   (%d pages in %.1f s)
                            [load] upload -> searchable: p50 %d ms, p99 %d ms, max %d ms
                            [load] searches at %d concurrent clients (think time %d ms) during ingestion: %d requests, %d errors, p50 %d ms, p99 %d ms
                            [load] parser-worker peak heap used: %d MB
                            """,
                    UPLOADS, UPLOAD_CLIENTS, pdfs.size() > 3 ? "corpus" : "generated", done, failed,
                    UPLOADS - ids.stream().filter(processedAt::containsKey).count(), UPLOADS / (uploadNanos / 1e9),
                    UPLOADS / (allNanos / 1e9), pages / (allNanos / 1e9), pages, allNanos / 1e9,
                    percentile(toSearchable, 50), percentile(toSearchable, 99),
                    toSearchable.get(toSearchable.size() - 1), SEARCH_CLIENTS, SEARCH_THINK_TIME.toMillis(),
                    searchMillis.size(), searchErrors.get(), percentile(searchMillis, 50), percentile(searchMillis, 99),
                    peakParserHeap.get() / (1024 * 1024));
            assertThat(searchErrors.get()).as("failed searches").isZero();
        }
    }

    private static long parserHeapUsed() {
        try {
            JsonNode metric = client
                .getJson(stack.parserManagement.resolve("/actuator/metrics/jvm.memory.used?tag=area:heap"));
            return metric == null ? 0 : (long) metric.get("measurements").get(0).get("value").asDouble();
        }
        catch (IOException | InterruptedException | RuntimeException e) {
            return 0;
        }
    }

    private static List<byte[]> pdfsToUpload() throws IOException {
        Optional<Path> corpus = SharedCorpus.find();
        if (UPLOADS > 100 && corpus.isPresent()) {
            List<byte[]> pdfs = new ArrayList<>();
            try (Stream<Path> files = Files.list(corpus.get())) {
                for (Path file : files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList()) {
                    pdfs.add(Files.readAllBytes(file));
                }
            }
            return pdfs;
        }
        List<byte[]> pdfs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pdfs.add(TestPdfs.specification("loadmarker" + i, 5 + i * 5, 2));
        }
        return pdfs;
    }

    private static long percentile(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

}
