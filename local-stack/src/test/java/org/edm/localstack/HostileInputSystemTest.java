package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Hostile input against the running system: broken PDFs through the whole pipeline,
 * abusive uploads, abusive searches. Each gets an answer (a 4xx problem, {@code failed}
 * with a reason, or {@code done}), never a 500, never a dead worker or a blocked
 * partition. The long variant ({@code -Dedm.hostile.long=true}) uses 100,000 tiny pages
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
            var response = client.upload(pdf.getValue(), pdf.getKey() + ".pdf",
                    "Hostile " + pdf.getKey() + " " + UUID.randomUUID(), "1");
            if (response.statusCode() == 202) {
                ids.put(pdf.getKey(), SystemClient.JSON.readTree(response.body()).get("id").asString());
            }
            else {
                // rejected at the door: it must be a problem detail, not a server error
                assertThat(response.statusCode()).as(pdf.getKey() + ": " + response.body()).isBetween(400, 499);
                assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
            }
        }
        String healthy = client.uploadAccepted(TestPdfs.specification("afterhostile", 3, 1),
                "After hostile " + UUID.randomUUID(), "1");

        // when / then: each ends in a final state within the parser's time limit (20 s
        // here) plus queueing
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
                .param("id", UUID.fromString(id))
                .query(String.class)
                .optional()
                .orElse(null);
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
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(json, 415, 400);
        assertThat(documentCount()).isEqualTo(documentsBefore);

        // a path-traversal file name is accepted as a name only: the stored file stays
        // inside the storage root
        String id = SystemClient.JSON
            .readTree(client.upload(pdf, "../../../../etc/passwd.pdf", "Traversal " + UUID.randomUUID(), "1").body())
            .get("id")
            .asString();
        String filePath = jdbc.sql("SELECT file_path FROM documents WHERE id = :id")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .single();
        assertThat(filePath).doesNotContain("..").doesNotContain("passwd");
        assertThat(stack.storageRoot.resolve(filePath).normalize()).startsWith(stack.storageRoot).exists();
    }

    @Test
    void aTwoGigabyteStreamIsCutOffAtTheLimitWithoutFillingTheDisk() throws Exception {
        long documentsBefore = documentCount();
        long twoGigabytes = 2L * 1024 * 1024 * 1024;
        String boundary = "abuse-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHuge\r\n" + "--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n1\r\n" + "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n";

        // when: the body is streamed on one thread while the answer is read on another,
        // as soon as it comes (the
        // server answers before the body ends and closes the connection later: a client
        // that only reads after
        // sending would see a reset, which must not count as a refusal)
        long started = System.nanoTime();
        RawAnswer answer = RawAnswer.of(stack.ingest, "/api/documents", stack.authorization(),
                "multipart/form-data; boundary=" + boundary, head.getBytes(StandardCharsets.UTF_8), twoGigabytes);
        System.out.printf("[hostile] 2 GB upload answered %d after %d ms, %d MB sent%n", answer.status(),
                (System.nanoTime() - started) / 1_000_000, answer.sentBytes() / (1024 * 1024));

        // then: a real 413 problem, long before the 2 GB were sent, and nothing stored
        assertThat(answer.status()).as(answer.head() + answer.body()).isEqualTo(413);
        assertThat(answer.head()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer.body()).contains("document-too-large");
        assertThat(answer.sentBytes()).isLessThan(twoGigabytes);
        assertThat(documentCount()).isEqualTo(documentsBefore);
        try (Stream<Path> files = Files.walk(stack.storageRoot)) {
            assertThat(files.filter(Files::isRegularFile).mapToLong(HostileInputSystemTest::size).max().orElse(0))
                .as("largest stored file")
                .isLessThan(70L * 1024 * 1024);
        }
    }

    @Test
    void aSlowClientDoesNotBlockOtherUploads() throws Exception {
        // given: an upload that sends half of its body and then holds the connection open
        // until released
        byte[] pdf = TestPdfs.specification("slow", 1, 1);
        String boundary = "slow-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nSlow "
                + UUID.randomUUID() + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n1\r\n" + "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + pdf.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(pdf, 0, body, head.length, pdf.length);
        System.arraycopy(tail, 0, body, head.length + pdf.length, tail.length);
        var held = new HeldStream(body, head.length + pdf.length / 2);
        CompletableFuture<HttpResponse<String>> slow = http
            .sendAsync(HttpRequest.newBuilder(stack.ingest.resolve("/api/documents"))
                .header("Authorization", stack.authorization())
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> held))
                .build(), HttpResponse.BodyHandlers.ofString());
        try {
            assertThat(held.holding.await(60, TimeUnit.SECONDS)).as("the slow upload sent its first half").isTrue();

            // when: another upload is made while the slow one is held open mid-body
            String fast = client.uploadAccepted(TestPdfs.specification("fast", 1, 1), "Fast " + UUID.randomUUID(), "1");

            // then: it was answered 202 while the slow one was still unanswered
            assertThat(fast).isNotBlank();
            assertThat(slow).as("the slow upload is still held open").isNotDone();
        }
        finally {
            held.release.countDown();
        }
        HttpResponse<String> slowResponse = slow.get(2, TimeUnit.MINUTES);
        System.out.printf("[hostile] slow upload released after the fast one: answered %d%n",
                slowResponse.statusCode());
        assertThat(slowResponse.statusCode()).as(slowResponse.body()).isIn(202, 408);
    }

    @Test
    void abusiveSearchesGetResultsOrProblemDetailsNeverServerErrors() throws Exception {
        List<String> queries = new ArrayList<>(List.of("'", "\"", "\"\"", "\\", "&", "|", "!", "!!", "(", ")", "()",
                ":*", "*", "<->", "<1>", "a & | b", "a:*:*", "!(a|b", "\"unclosed phrase", "-", "--", "- -x", "OR",
                "OR OR", "a OR", "x'; DROP TABLE sections; --", "1' OR '1'='1", "); SELECT pg_sleep(10); --", "$1",
                "%s%s%s", "\u0000", "\u202e\u202d", "\ud83d\ude80 rocket", "\u6f22\u5b57 \u30c6\u30b9\u30c8",
                "\u0645\u0631\u062d\u0628\u0627", "caf\u00e9 na\u00efve", "35=D", "a:b:c", "SoupBinTCP", "AddOrder",
                "Stock_Locate", "ITCH 5.0", "x".repeat(499), "x ".repeat(300)));
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
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
    }

    private long documentCount() {
        return jdbc.sql("SELECT count(*) FROM documents").query(Long.class).single();
    }

    private String status(String id) {
        return jdbc.sql("SELECT processing_status FROM documents WHERE id = :id")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .single();
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        }
        catch (IOException e) {
            return 0;
        }
    }

    /**
     * Hands out the first {@code heldAt} bytes of the body, then waits for
     * {@link #release}: a stalled client.
     */
    static final class HeldStream extends InputStream {

        final CountDownLatch holding = new CountDownLatch(1);

        final CountDownLatch release = new CountDownLatch(1);

        private final byte[] body;

        private final int heldAt;

        private int position;

        HeldStream(byte[] body, int heldAt) {
            this.body = body;
            this.heldAt = heldAt;
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
            if (position == heldAt) {
                holding.countDown();
                try {
                    if (!release.await(2, TimeUnit.MINUTES)) {
                        throw new IOException("never released");
                    }
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            int end = position < heldAt ? heldAt : body.length;
            int n = Math.min(length, end - position);
            System.arraycopy(body, position, buffer, offset, n);
            position += n;
            return n;
        }

    }

    /**
     * A chunked POST over a plain socket whose body (the given head, then zeros up to
     * {@code bodyLength}, its length announced nowhere) is written on one thread while
     * the answer is read on the calling one: the status line, the headers and a body of
     * {@code Content-Length} or chunked encoding.
     */
    record RawAnswer(int status, String head, String body, long sentBytes) {

        static RawAnswer of(URI base, String path, String authorization, String contentType, byte[] bodyHead,
                long bodyLength) throws Exception {
            try (var socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\nAuthorization: " + authorization + "\r\nContent-Type: " + contentType
                        + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
                var sent = new AtomicLong();
                var answered = new AtomicBoolean();
                Thread sender = new Thread(() -> {
                    try {
                        chunk(out, bodyHead, bodyHead.length);
                        byte[] zeros = new byte[64 * 1024];
                        for (long left = bodyLength; left > 0 && !answered.get(); left -= zeros.length) {
                            chunk(out, zeros, (int) Math.min(zeros.length, left));
                            sent.addAndGet(Math.min(zeros.length, left));
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    catch (IOException e) {
                        // the server closed the connection after answering: the answer is
                        // read below
                    }
                }, "raw-upload-sender");
                sender.setDaemon(true);
                sender.start();
                var in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
                String statusLine = line(in);
                if (!statusLine.startsWith("HTTP/")) {
                    throw new AssertionError("the connection ended without an HTTP answer (" + sent.get()
                            + " bytes sent): " + statusLine);
                }
                StringBuilder head = new StringBuilder(statusLine).append('\n');
                long contentLength = -1;
                boolean chunked = false;
                for (String header = line(in); !header.isEmpty(); header = line(in)) {
                    head.append(header).append('\n');
                    String lower = header.toLowerCase(java.util.Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        contentLength = Long.parseLong(lower.substring(15).strip());
                    }
                    else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunked = true;
                    }
                }
                answered.set(true);
                var body = new java.io.ByteArrayOutputStream();
                if (chunked) {
                    for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer
                        .parseInt(line(in).strip(), 16)) {
                        body.write(in.readNBytes(size));
                        line(in);
                    }
                }
                else if (contentLength >= 0) {
                    body.write(in.readNBytes((int) contentLength));
                }
                return new RawAnswer(Integer.parseInt(statusLine.split(" ")[1]), head.toString(),
                        body.toString(StandardCharsets.UTF_8), sent.get());
            }
        }

        private static void chunk(OutputStream out, byte[] bytes, int length) throws IOException {
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, length);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        private static String line(java.io.DataInputStream in) throws IOException {
            var line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

}
