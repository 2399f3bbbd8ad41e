package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Hostile input against the running system: broken PDFs through the whole pipeline, abusive uploads, abusive
 * searches. Each gets an answer (a 4xx problem, {@code failed} with a reason, or {@code done}), never a 500, never
 * a dead worker or a blocked partition. The long variant ({@code -Dedm.hostile.long=true}) uses 100,000 tiny pages
 * and a 500 MB deflate bomb.
 */
@SystemTest
class HostileInputSystemTest {

    static final boolean LONG = Boolean.getBoolean("edm.hostile.long");

    static SharedStack stack;
    static SystemClient client;
    static JdbcClient jdbc;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void brokenPdfsEndFailedOrDoneInTimeAndTheWorkerKeepsGoing() throws Exception {
        // given
        // the stack runs with edm.parser.max-pages=5000 and a 20 s timeout (SharedStack)
        Map<String, byte[]> pdfs = HostilePdfs.all(LONG ? 100_000 : 6_000, LONG ? 500 : 40);
        Map<String, String> ids = new LinkedHashMap<>();
        for (var pdf : pdfs.entrySet()) {
            var response = client.upload(pdf.getValue(), pdf.getKey() + ".pdf", "Hostile " + pdf.getKey() + " "
                    + UUID.randomUUID(), "1");
            if (response.statusCode() == 202) {
                ids.put(pdf.getKey(), SystemClient.JSON.readTree(response.body()).get("id").asString());
            } else {
                // rejected at the door: it must be a problem detail, not a server error
                assertThat(response.statusCode()).as(pdf.getKey() + ": " + response.body()).isBetween(400, 499);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).contains("problem+json"));
            }
        }
        String healthy = client.uploadAccepted(TestPdfs.specification("afterhostile", 3, 1),
                "After hostile " + UUID.randomUUID(), "1");

        // when / then: each ends in a final state within the parser's time limit (20 s here) plus queueing
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (var entry : ids.entrySet()) {
                assertThat(status(entry.getValue())).as(entry.getKey()).isIn("done", "failed");
            }
            assertThat(status(healthy)).isEqualTo("done");
        });
        for (var entry : ids.entrySet()) {
            String id = entry.getValue();
            String status = status(id);
            String reason = jdbc.sql("SELECT metadata ->> 'failure_reason' FROM documents WHERE id = :id")
                    .param("id", UUID.fromString(id)).query(String.class).optional().orElse(null);
            System.out.printf("[hostile] %-18s -> %s %s%n", entry.getKey(), status, reason == null ? "" : reason);
            if (status.equals("failed")) {
                assertThat(reason).as(entry.getKey() + " failed without a reason").isNotBlank();
            }
        }
        assertThat(status(ids.get("truncated"))).isEqualTo("failed");
        assertThat(status(ids.get("header-only"))).isEqualTo("failed");
        assertThat(status(ids.get("deflate-bomb"))).isEqualTo("failed");
        assertThat(status(ids.get("many-tiny-pages"))).isEqualTo("failed");
        assertThat(stack.stack.isAlive("parser-worker")).isTrue();
        assertThat(client.get(stack.parser.resolve("/readyz")).statusCode()).isEqualTo(200);
    }

    @Test
    void abusiveUploadsGetProblemDetailsAndLeaveNothingBehind() throws Exception {
        long documentsBefore = documentCount();
        byte[] pdf = TestPdfs.specification("abuse", 1, 1);

        // 0-byte file
        assertProblem(client.upload(new byte[0], "empty.pdf", "Empty", "1"), 400);
        // not a PDF, whatever its name and declared type
        assertProblem(client.upload("just text".getBytes(StandardCharsets.UTF_8), "fake.pdf", "Fake", "1"), 415, 400);
        // huge form fields
        assertProblem(client.upload(pdf, "big-title.pdf", "T".repeat(300_000), "1"), 400, 413);
        assertProblem(client.upload(pdf, "big-version.pdf", "Version abuse", "9".repeat(10_000)), 400, 413);
        // not multipart at all
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(stack.ingest.resolve("/api/documents"))
                .header("Authorization", stack.authorization())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(json, 415, 400);
        assertThat(documentCount()).isEqualTo(documentsBefore);

        // a path-traversal file name is accepted as a name only: the stored file stays inside the storage root
        String id = SystemClient.JSON.readTree(client.upload(pdf, "../../../../etc/passwd.pdf",
                "Traversal " + UUID.randomUUID(), "1").body()).get("id").asString();
        String filePath = jdbc.sql("SELECT file_path FROM documents WHERE id = :id").param("id", UUID.fromString(id))
                .query(String.class).single();
        assertThat(filePath).doesNotContain("..").doesNotContain("passwd");
        assertThat(stack.storageRoot.resolve(filePath).normalize()).startsWith(stack.storageRoot).exists();
    }

    @Test
    void aTwoGigabyteStreamIsCutOffAtTheLimitWithoutFillingTheDisk() throws Exception {
        long documentsBefore = documentCount();
        long twoGigabytes = 2L * 1024 * 1024 * 1024;
        String boundary = "abuse-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHuge\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n1\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n";
        HttpRequest request = HttpRequest.newBuilder(stack.ingest.resolve("/api/documents"))
                .header("Authorization", stack.authorization())
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ZeroStream(twoGigabytes))))
                .build();
        long started = System.nanoTime();
        Integer status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            status = null; // the server closed the connection after answering: also a refusal
        }
        System.out.printf("[hostile] 2 GB upload answered %s after %d ms%n", status,
                (System.nanoTime() - started) / 1_000_000);

        if (status != null) {
            assertThat(status).isEqualTo(413);
        }
        assertThat(documentCount()).isEqualTo(documentsBefore);
        try (Stream<Path> files = Files.walk(stack.storageRoot)) {
            assertThat(files.filter(Files::isRegularFile).mapToLong(HostileInputSystemTest::size).max().orElse(0))
                    .as("largest stored file").isLessThan(70L * 1024 * 1024);
        }
    }

    @Test
    void aSlowClientDoesNotBlockOtherUploads() throws Exception {
        byte[] pdf = TestPdfs.specification("slow", 1, 1);
        String boundary = "slow-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nSlow "
                + UUID.randomUUID() + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n1\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + pdf.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(pdf, 0, body, head.length, pdf.length);
        System.arraycopy(tail, 0, body, head.length + pdf.length, tail.length);
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(HttpRequest.newBuilder(stack.ingest.resolve("/api/documents"))
                .header("Authorization", stack.authorization())
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new TrickleStream(body, Duration.ofSeconds(6))))
                .build(), HttpResponse.BodyHandlers.ofString());

        long started = System.nanoTime();
        client.uploadAccepted(TestPdfs.specification("fast", 1, 1), "Fast " + UUID.randomUUID(), "1");
        long fastMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(slow).as("the slow upload is still sending").isNotDone();
        HttpResponse<String> slowResponse = slow.get();
        System.out.printf("[hostile] fast upload beside a slow one: %d ms; slow one answered %d%n", fastMillis,
                slowResponse.statusCode());
        assertThat(slowResponse.statusCode()).isIn(202, 408);
    }

    @Test
    void abusiveSearchesGetResultsOrProblemDetailsNeverServerErrors() throws Exception {
        List<String> queries = new ArrayList<>(List.of(
                "'", "\"", "\"\"", "\\", "&", "|", "!", "!!", "(", ")", "()", ":*", "*", "<->", "<1>", "a & | b",
                "a:*:*", "!(a|b", "\"unclosed phrase", "-", "--", "- -x", "OR", "OR OR", "a OR", "x'; DROP TABLE sections; --",
                "1' OR '1'='1", "); SELECT pg_sleep(10); --", "$1", "%s%s%s", "\u0000", "\u202e\u202d", "\ud83d\ude80 rocket",
                "\u6f22\u5b57 \u30c6\u30b9\u30c8", "\u0645\u0631\u062d\u0628\u0627", "caf\u00e9 na\u00efve", "35=D", "a:b:c",
                "SoupBinTCP", "AddOrder", "Stock_Locate", "ITCH 5.0", "x".repeat(499), "x ".repeat(300)));
        queries.add("q".repeat(10_000));
        List<String> answers = new ArrayList<>();
        for (String query : queries) {
            URI uri = stack.search.resolve("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            HttpResponse<String> response = client.get(uri);
            answers.add(response.statusCode() + "");
            assertThat(response.statusCode()).as("q=" + abbreviate(query) + ": " + response.body()).isIn(200, 400);
            if (response.statusCode() == 400) {
                JsonNode problem = SystemClient.JSON.readTree(response.body());
                assertThat(problem.path("type").asString()).as(abbreviate(query)).isNotBlank();
            }
        }
        assertThat(client.get(stack.search.resolve("/api/search?q=" + "q".repeat(10_000))).statusCode()).isEqualTo(400);
        System.out.printf("[hostile] %d abusive searches: answers %s%n", queries.size(), answers);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "...(" + text.length() + ")" : text;
    }

    private static void assertProblem(HttpResponse<String> response, int... statuses) {
        List<Integer> allowed = new ArrayList<>();
        for (int s : statuses) {
            allowed.add(s);
        }
        assertThat(response.statusCode()).as(response.body()).isIn(allowed);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
    }

    private long documentCount() {
        return jdbc.sql("SELECT count(*) FROM documents").query(Long.class).single();
    }

    private String status(String id) {
        return jdbc.sql("SELECT processing_status FROM documents WHERE id = :id")
                .param("id", UUID.fromString(id)).query(String.class).single();
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    /** {@code length} zero bytes, generated, never held in memory. */
    static final class ZeroStream extends InputStream {
        private long remaining;

        ZeroStream(long length) {
            this.remaining = length;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
            remaining -= n;
            return n;
        }
    }

    /** Hands out the body in small pieces spread over {@code duration}: a slow client. */
    static final class TrickleStream extends InputStream {
        private final byte[] body;
        private final long pauseMillis;
        private int position;

        TrickleStream(byte[] body, Duration duration) {
            this.body = body;
            this.pauseMillis = Math.max(1, duration.toMillis() / 30);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= body.length) {
                return -1;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            int n = Math.min(Math.min(length, body.length / 30 + 1), body.length - position);
            System.arraycopy(body, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
