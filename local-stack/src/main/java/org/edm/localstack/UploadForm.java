package org.edm.localstack;

import java.io.FileNotFoundException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The {@code multipart/form-data} body of {@code POST /api/documents} (title, version,
 * optional metadata, the PDF), written once for the drop folder, the throughput benchmark
 * and the soak. The file is streamed from disk, not read into memory.
 */
final class UploadForm {

    private final String boundary = "edm-" + UUID.randomUUID();

    private final StringBuilder fields = new StringBuilder();

    UploadForm(String title, String version, @Nullable String metadataJson) {
        field("title", title);
        field("version", version);
        if (metadataJson != null) {
            field("metadata", metadataJson);
        }
    }

    /** The value of the request's {@code Content-Type} header. */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The fields, then {@code file} as the {@code file} part. */
    HttpRequest.BodyPublisher withFile(Path file) throws FileNotFoundException {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8)
                + "\"\r\nContent-Type: application/pdf\r\n\r\n";
        return HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(fields + head),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
    }

    private void field(String name, String value) {
        fields.append("--")
            .append(boundary)
            .append("\r\nContent-Disposition: form-data; name=\"")
            .append(name)
            .append("\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n")
            .append(value)
            .append("\r\n");
    }

}
