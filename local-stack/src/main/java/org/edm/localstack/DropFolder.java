package org.edm.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads every PDF that appears in a directory through the ingest API, so a user can try
 * the system with {@code cp}. Title and version come from a side-car {@code <name>.json}
 * ({"title", "version", "metadata"}) when there is one, else from the file name
 * ({@code Nasdaq.Ouch.v4.2.pdf} gives title {@code Nasdaq.Ouch} and version {@code 4.2};
 * without a version suffix the version is {@code 1}). Uploaded files move to
 * {@code uploaded/}, rejected ones to {@code rejected/} with the API's answer beside
 * them, under a name no earlier file has there (a second {@code a.pdf} becomes
 * {@code a-2.pdf}). Uploads are sent as bulk work ({@code X-Edm-Priority: bulk}), so a
 * folder of hundreds of files never delays a user's upload.
 * <p>
 * A transient failure (the service unreachable or timing out, or answering 408, 429, 500,
 * 502, 503 or 504) leaves the file where it is and retries it with exponential back-off
 * (1 s doubling up to 1 min), so an outage never rejects a good file. Each request is
 * bounded by a timeout. Symbolic links are refused (moved, as links, to
 * {@code rejected/}), so the drop folder never reads a file outside itself.
 */
final class DropFolder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DropFolder.class);

    private static final Pattern VERSIONED_NAME = Pattern
        .compile("(?i)^(.+?)[._\\- ]v(?:ersion)?[._\\- ]?(\\d[\\w.\\-]*)$");

    private static final Duration SCAN_INTERVAL = Duration.ofSeconds(1);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private final Path directory;

    private final URI uploadUri;

    private final String apiKey;

    private final Duration requestTimeout;

    private final Duration initialBackoff;

    private final Duration maxBackoff;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    private final JsonMapper json = JsonMapper.builder().build();

    private final Map<Path, Long> lastSeenSizes = new HashMap<>();

    private final Map<Path, Retry> retries = new HashMap<>();

    private final Thread watcher;

    private volatile boolean running = true;

    /**
     * @param apiKey the key every upload is sent with ({@code documents:write} or
     * {@code admin})
     */
    DropFolder(Path directory, URI ingestBase, String apiKey) throws IOException {
        this(directory, ingestBase, apiKey, REQUEST_TIMEOUT, INITIAL_BACKOFF, MAX_BACKOFF);
    }

    /** With the request timeout and back-off given, for tests. */
    DropFolder(Path directory, URI ingestBase, String apiKey, Duration requestTimeout, Duration initialBackoff,
            Duration maxBackoff) throws IOException {
        this.directory = directory;
        this.uploadUri = ingestBase.resolve("/api/documents");
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        Files.createDirectories(directory.resolve("uploaded"));
        Files.createDirectories(directory.resolve("rejected"));
        watcher = new Thread(this::run, "drop-folder");
        watcher.setDaemon(true);
    }

    void start() {
        watcher.start();
        log.info("Watching {} for PDFs to upload", directory);
    }

    /** Title and version for a dropped file's base name (without {@code .pdf}). */
    static String[] titleAndVersion(String baseName) {
        Matcher matcher = VERSIONED_NAME.matcher(baseName);
        if (matcher.matches()) {
            return new String[] { matcher.group(1), matcher.group(2) };
        }
        return new String[] { baseName, "1" };
    }

    private void run() {
        while (running) {
            try {
                scanOnce();
                Thread.sleep(SCAN_INTERVAL.toMillis());
            }
            catch (InterruptedException e) {
                return;
            }
            catch (IOException | RuntimeException e) {
                log.warn("Drop folder scan failed: {}", e.toString());
            }
        }
    }

    /**
     * A file is uploaded once its size stayed the same for one scan interval, so a copy
     * in progress is not uploaded half-written; a file whose upload failed transiently
     * waits for its back-off to pass.
     */
    void scanOnce() throws IOException, InterruptedException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory,
                p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))) {
            for (Path file : files) {
                if (Files.isSymbolicLink(file)) {
                    refuseLink(file);
                    continue;
                }
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Retry retry = retries.get(file);
                if (retry != null) {
                    if (System.nanoTime() - retry.notBeforeNanos() >= 0) {
                        upload(file, retry.attempts());
                    }
                    continue;
                }
                long size = Files.size(file);
                Long previous = lastSeenSizes.put(file, size);
                if (previous != null && previous == size) {
                    lastSeenSizes.remove(file);
                    upload(file, 0);
                }
            }
        }
    }

    /**
     * Moves a symbolic link itself (never its target) to {@code rejected/}, with the
     * reason beside it.
     */
    private void refuseLink(Path link) throws IOException {
        String fileName = link.getFileName().toString();
        Path archived = archive(link, directory.resolve("rejected"), fileName);
        Files.writeString(archived.resolveSibling(archived.getFileName() + ".response.json"),
                "{\"detail\": \"symbolic links are not uploaded: copy the file into the drop folder\"}");
        log.warn("Refused {}: a symbolic link", fileName);
    }

    private void upload(Path file, int failedAttempts) throws IOException, InterruptedException {
        String fileName = file.getFileName().toString();
        String baseName = fileName.substring(0, fileName.length() - ".pdf".length());
        String[] titleAndVersion = titleAndVersion(baseName);
        String title = titleAndVersion[0];
        String version = titleAndVersion[1];
        String metadata = null;
        Path sideCar = file.resolveSibling(baseName + ".json");
        boolean hasSideCar = Files.isRegularFile(sideCar, LinkOption.NOFOLLOW_LINKS);
        if (hasSideCar) {
            JsonNode node = json.readTree(sideCar.toFile());
            title = node.path("title").asString(title);
            version = node.path("version").asString(version);
            if (node.has("metadata")) {
                metadata = json.writeValueAsString(node.get("metadata"));
            }
        }
        UploadForm form = new UploadForm(title, version, metadata);
        HttpRequest request = HttpRequest.newBuilder(uploadUri)
            .timeout(requestTimeout)
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", form.contentType())
            // a folder of files is bulk work: parsed after interactive uploads
            // (documents.uploaded.bulk)
            .header("X-Edm-Priority", "bulk")
            .POST(form.withFile(file))
            .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            // unreachable, reset or timed out (HttpTimeoutException is an IOException):
            // the service may be back soon
            retryLater(file, failedAttempts, e.toString());
            return;
        }
        if (TRANSIENT_STATUSES.contains(response.statusCode())) {
            retryLater(file, failedAttempts, "HTTP " + response.statusCode());
            return;
        }
        retries.remove(file);
        boolean accepted = response.statusCode() / 100 == 2;
        Path destination = directory.resolve(accepted ? "uploaded" : "rejected");
        Path archived = archive(file, destination, fileName);
        String archivedName = archived.getFileName().toString();
        if (hasSideCar) {
            String archivedBase = archivedName.substring(0, archivedName.length() - ".pdf".length());
            archive(sideCar, destination, archivedBase + ".json");
        }
        Files.writeString(destination.resolve(archivedName + ".response.json"), response.body());
        if (accepted) {
            log.info("Uploaded {} as '{}' version '{}': {} {}", fileName, title, version, response.statusCode(),
                    response.body());
        }
        else {
            log.warn("Upload of {} rejected: {} {}", fileName, response.statusCode(), response.body());
        }
    }

    private void retryLater(Path file, int failedAttempts, String reason) {
        int attempts = failedAttempts + 1;
        double millis = initialBackoff.toMillis() * Math.pow(2, Math.min(attempts - 1, 30));
        Duration delay = millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
        retries.put(file, new Retry(attempts, System.nanoTime() + delay.toNanos()));
        log.warn("Upload of {} failed transiently ({}), attempt {}; retrying in {}", file.getFileName(), reason,
                attempts, delay);
    }

    /**
     * Moves {@code source} into {@code destination} as {@code name}, or as
     * {@code <stem>-2<ext>}, {@code -3}... when that name is taken: an archived file is
     * never overwritten (the move itself refuses to replace).
     */
    static Path archive(Path source, Path destination, String name) throws IOException {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 1;; n++) {
            Path target = destination.resolve(n == 1 ? name : stem + "-" + n + extension);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    || Files.exists(target.resolveSibling(target.getFileName() + ".response.json"))) {
                continue;
            }
            try {
                return Files.move(source, target, LinkOption.NOFOLLOW_LINKS);
            }
            catch (FileAlreadyExistsException taken) {
                // another writer took the name between the check and the move: try the
                // next one
            }
        }
    }

    /** A file whose upload failed transiently: how often, and when to try again. */
    private record Retry(int attempts, long notBeforeNanos) {
    }

    @Override
    public void close() {
        running = false;
        watcher.interrupt();
    }

}
