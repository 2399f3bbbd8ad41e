package org.edm.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads every PDF that appears in a directory through the ingest API, so a user can try the system with
 * {@code cp}. Title and version come from a side-car {@code <name>.json} ({"title", "version", "metadata"}) when
 * there is one, else from the file name ({@code Nasdaq.Ouch.v4.2.pdf} gives title {@code Nasdaq.Ouch} and version
 * {@code 4.2}; without a version suffix the version is {@code 1}). Uploaded files move to {@code uploaded/}, rejected
 * ones to {@code rejected/} with the API's answer beside them.
 */
final class DropFolder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DropFolder.class);
    private static final Pattern VERSIONED_NAME =
            Pattern.compile("(?i)^(.+?)[._\\- ]v(?:ersion)?[._\\- ]?(\\d[\\w.\\-]*)$");
    private static final Duration SCAN_INTERVAL = Duration.ofSeconds(1);

    private final Path directory;
    private final URI uploadUri;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Path, Long> lastSeenSizes = new HashMap<>();
    private final Thread watcher;
    private volatile boolean running = true;

    /** @param apiKey the key every upload is sent with ({@code documents:write} or {@code admin}) */
    DropFolder(Path directory, URI ingestBase, String apiKey) throws IOException {
        this.directory = directory;
        this.uploadUri = ingestBase.resolve("/api/documents");
        this.apiKey = apiKey;
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
            return new String[] {matcher.group(1), matcher.group(2)};
        }
        return new String[] {baseName, "1"};
    }

    private void run() {
        while (running) {
            try {
                scanOnce();
                Thread.sleep(SCAN_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("Drop folder scan failed: {}", e.toString());
            }
        }
    }

    /**
     * A file is uploaded once its size stayed the same for one scan interval, so a copy in progress is not
     * uploaded half-written.
     */
    void scanOnce() throws IOException, InterruptedException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory,
                p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))) {
            for (Path file : files) {
                long size = Files.size(file);
                Long previous = lastSeenSizes.put(file, size);
                if (previous != null && previous == size) {
                    lastSeenSizes.remove(file);
                    upload(file);
                }
            }
        }
    }

    private void upload(Path file) throws IOException, InterruptedException {
        String fileName = file.getFileName().toString();
        String baseName = fileName.substring(0, fileName.length() - ".pdf".length());
        String[] titleAndVersion = titleAndVersion(baseName);
        String title = titleAndVersion[0];
        String version = titleAndVersion[1];
        String metadata = null;
        Path sideCar = file.resolveSibling(baseName + ".json");
        if (Files.exists(sideCar)) {
            JsonNode node = json.readTree(sideCar.toFile());
            title = node.path("title").asString(title);
            version = node.path("version").asString(version);
            if (node.has("metadata")) {
                metadata = json.writeValueAsString(node.get("metadata"));
            }
        }
        String boundary = "edm-" + UUID.randomUUID();
        StringBuilder fields = new StringBuilder();
        appendField(fields, boundary, "title", title);
        appendField(fields, boundary, "version", version);
        if (metadata != null) {
            appendField(fields, boundary, "metadata", metadata);
        }
        fields.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"")
                .append(URLEncoder.encode(fileName, StandardCharsets.UTF_8)).append("\"\r\n")
                .append("Content-Type: application/pdf\r\n\r\n");
        HttpRequest request = HttpRequest.newBuilder(uploadUri)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(fields.toString()),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        boolean accepted = response.statusCode() / 100 == 2;
        Path destination = directory.resolve(accepted ? "uploaded" : "rejected");
        Files.move(file, destination.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        if (Files.exists(sideCar)) {
            Files.move(sideCar, destination.resolve(sideCar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(destination.resolve(fileName + ".response.json"), response.body());
        if (accepted) {
            log.info("Uploaded {} as '{}' version '{}': {} {}", fileName, title, version, response.statusCode(),
                    response.body());
        } else {
            log.warn("Upload of {} rejected: {} {}", fileName, response.statusCode(), response.body());
        }
    }

    private static void appendField(StringBuilder body, String boundary, String name, String value) {
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n")
                .append(value).append("\r\n");
    }

    @Override
    public void close() {
        running = false;
        watcher.interrupt();
    }
}
