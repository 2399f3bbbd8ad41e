package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop folder against a real HTTP server (the JDK's) that answers as the test tells
 * it.
 */
class DropFolderTest {

    @TempDir
    Path directory;

    private HttpServer server;

    private final Deque<Integer> answers = new ArrayDeque<>();

    private final AtomicInteger requests = new AtomicInteger();

    private static final String API_KEY = "edm_drop-folder-test-key";

    private final CountDownLatch release = new CountDownLatch(1);

    private volatile boolean hang;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/documents", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            requests.incrementAndGet();
            if (hang) {
                try {
                    // a service that stopped answering
                    release.await(30, TimeUnit.SECONDS);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Integer status;
            synchronized (answers) {
                status = answers.isEmpty() ? 201 : answers.poll();
            }
            if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401; // like ingest-service: every upload needs the key
            }
            byte[] answer = ("{\"status\": " + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void aServiceUnavailableAnswerIsRetriedWithBackOffUntilTheUploadIsAccepted() throws Exception {
        // given: the service answers 503 twice, then 201
        answer(503, 503, 201);
        Files.write(directory.resolve("Spec.v1.0.pdf"), pdf());
        try (var dropFolder = dropFolder(Duration.ofSeconds(10))) {
            // when
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                dropFolder.scanOnce();
                return Files.exists(directory.resolve("uploaded/Spec.v1.0.pdf"));
            });
        }

        // then
        assertThat(requests).hasValue(3);
        assertThat(directory.resolve("rejected")).isEmptyDirectory();
        assertThat(directory.resolve("Spec.v1.0.pdf")).doesNotExist();
        assertThat(directory.resolve("uploaded/Spec.v1.0.pdf.response.json")).content().contains("201");
    }

    @Test
    void aRequestTheServiceNeverAnswersTimesOutAndTheFileStaysForALaterAttempt() throws Exception {
        // given
        hang = true;
        Path file = Files.write(directory.resolve("Slow.pdf"), pdf());
        try (var dropFolder = dropFolder(Duration.ofMillis(500))) {
            // when
            long started = System.nanoTime();
            dropFolder.scanOnce();
            dropFolder.scanOnce();

            // then
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(requests).hasValue(1);
            assertThat(file).exists();
            assertThat(directory.resolve("rejected")).isEmptyDirectory();
        }
    }

    @Test
    void aFileOfAnArchivedNameIsArchivedUnderAnotherName() throws Exception {
        // given: a.pdf was uploaded before
        try (var dropFolder = dropFolder(Duration.ofSeconds(10))) {
            Files.write(directory.resolve("a.pdf"), pdf("first"));
            scanUntilGone(dropFolder, directory.resolve("a.pdf"));

            // when: another a.pdf is dropped
            Files.write(directory.resolve("a.pdf"), pdf("second"));
            scanUntilGone(dropFolder, directory.resolve("a.pdf"));
        }

        // then: both are kept
        assertThat(directory.resolve("uploaded/a.pdf")).content().contains("first");
        assertThat(directory.resolve("uploaded/a-2.pdf")).content().contains("second");
        assertThat(directory.resolve("uploaded/a-2.pdf.response.json")).exists();
    }

    @Test
    void aSymbolicLinkIsRefusedWithoutReadingItsTarget() throws Exception {
        // given: a link to a file outside the drop folder
        Path outside = Files.write(Files.createTempFile("outside", ".pdf"), pdf());
        Files.createSymbolicLink(directory.resolve("link.pdf"), outside);
        try (var dropFolder = dropFolder(Duration.ofSeconds(10))) {
            // when
            dropFolder.scanOnce();
            dropFolder.scanOnce();
        }

        // then
        assertThat(requests).hasValue(0);
        assertThat(directory.resolve("link.pdf")).doesNotExist();
        assertThat(Files.isSymbolicLink(directory.resolve("rejected/link.pdf"))).isTrue();
        assertThat(directory.resolve("rejected/link.pdf.response.json")).content().contains("symbolic link");
        assertThat(outside).exists();
        Files.delete(outside);
    }

    private DropFolder dropFolder(Duration requestTimeout) throws IOException {
        return new DropFolder(directory, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), API_KEY,
                requestTimeout, Duration.ofMillis(50), Duration.ofMillis(200));
    }

    private void answer(Integer... statuses) {
        synchronized (answers) {
            answers.addAll(java.util.List.of(statuses));
        }
    }

    private static void scanUntilGone(DropFolder dropFolder, Path file) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            dropFolder.scanOnce();
            return !Files.exists(file);
        });
    }

    private static byte[] pdf() {
        return pdf("content");
    }

    private static byte[] pdf(String marker) {
        return ("%PDF-1.4\n% " + marker + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

}
