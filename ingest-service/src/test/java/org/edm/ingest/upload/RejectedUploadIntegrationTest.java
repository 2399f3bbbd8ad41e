package org.edm.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.edm.events.Topics;
import org.edm.ingest.IngestClient.Upload;
import org.edm.ingest.IngestIntegrationTest;
import org.edm.testsupport.TestPdfs;
import org.edm.testsupport.KafkaTopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/**
 * Each bad input gets its status and problem type, and leaves no row, no file, no outbox
 * row and no event.
 */
class RejectedUploadIntegrationTest extends IngestIntegrationTest {

    private static final String PROBLEMS = "https://edm.example/problems/";

    static Stream<Arguments> badUploads() {
        return Stream.of(bad("no file", u -> u.withFile(null), 400, "file-missing"),
                bad("empty file", u -> u.withFile(new byte[0]), 400, "file-empty"),
                bad("text named .pdf",
                        u -> u.withFile("just text, no PDF".repeat(100).getBytes(StandardCharsets.UTF_8)), 415,
                        "not-a-pdf"),
                bad("PNG", u -> u.withFile(png()), 415, "not-a-pdf"),
                bad("header after the first 1024 bytes", u -> u.withFile(headerAt(1024)), 415, "not-a-pdf"),
                bad("over the size limit", u -> u.withFile(TestPdfs.padded("big", 2_200_000)), 413,
                        "document-too-large"),
                bad("no title", u -> u.withTitle(null), 400, "field-missing"),
                bad("blank title", u -> u.withTitle("   "), 400, "field-missing"),
                bad("title of 256 characters", u -> u.withTitle(u.title() + "x".repeat(256)), 400, "field-too-long"),
                bad("title with a control character", u -> u.withTitle(u.title() + "\u0007"), 400, "field-invalid"),
                bad("no version", u -> u.withVersion(null), 400, "field-missing"),
                bad("version of 51 characters", u -> u.withVersion("1".repeat(51)), 400, "field-too-long"),
                bad("metadata not JSON", u -> u.withMetadata("{\"exchange\": "), 400, "malformed-metadata"),
                bad("metadata an array", u -> u.withMetadata("[1, 2]"), 400, "malformed-metadata"),
                bad("metadata with duplicate keys", u -> u.withMetadata("{\"a\":1,\"a\":2}"), 400,
                        "malformed-metadata"),
                bad("metadata with trailing tokens", u -> u.withMetadata("{\"a\":1} {}"), 400, "malformed-metadata"),
                bad("metadata with NUL", u -> u.withMetadata("{\"a\":\"x\\u0000y\"}"), 400, "malformed-metadata"),
                bad("Idempotency-Key too long", u -> u.withIdempotencyKey("k".repeat(256)), 400,
                        "invalid-idempotency-key"));
    }

    private static Arguments bad(String name, Function<Upload, Upload> change, int status, String type) {
        return Arguments.of(name, change, status, type);
    }

    @ParameterizedTest(name = "{0}: {2} {3}")
    @MethodSource("badUploads")
    void badUploadIsRejectedAndLeavesNothingBehind(String name, Function<Upload, Upload> change, int status,
            String type) {
        try (var events = KafkaTopicReader.atEnd(Topics.DOCUMENTS_UPLOADED)) {
            // given
            String title = uniqueTitle("Rejected " + name);
            Upload upload = change.apply(Upload.of(TestPdfs.withText(title), title, "1.0"));
            String sentTitle = upload.title();
            List<java.nio.file.Path> filesBefore = storedFiles();
            long documentsBefore = documentCount();

            // when
            var response = client.upload(upload);

            // then
            assertThat(response.status()).as(response.raw()).isEqualTo(status);
            assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.problemType()).isEqualTo(PROBLEMS + type);
            assertThat(response.body().path("status").asInt()).isEqualTo(status);
            assertThat(response.body().path("title").asString()).isNotBlank();
            assertThat(response.body().path("detail").asString()).isNotBlank();
            assertThat(response.raw()).doesNotContain("Exception").doesNotContain("\tat ");
            // no row under the title the request really sent (some cases change it), nor
            // under any other title
            if (sentTitle != null) {
                assertThat(documentsTitled(sentTitle)).isZero();
                assertThat(outboxRowsTitled(sentTitle)).isZero();
            }
            assertThat(documentCount()).isEqualTo(documentsBefore);
            assertThat(storedFiles()).containsExactlyInAnyOrderElementsOf(filesBefore);

            // and: no event. The relay publishes in outbox order, so once a valid upload
            // sent afterwards is on
            // the topic, an event of the rejected upload would be on it too (read to the
            // end of every partition)
            String next = uniqueTitle("Accepted after " + name);
            var accepted = client.upload(Upload.of(TestPdfs.withText(next), next, "1.0"));
            assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
            events.pollUntil(received -> received.stream().anyMatch(r -> accepted.id().equals(r.key())),
                    Duration.ofSeconds(30));
            assertThat(events.pollToEnd(Duration.ofSeconds(10))).anyMatch(record -> record.value().contains(next))
                .noneMatch(record -> record.value().contains(title)
                        || sentTitle != null && !sentTitle.isBlank() && record.value().contains(sentTitle));
        }
    }

    private long documentCount() {
        return jdbc.sql("SELECT count(*) FROM documents").query(Long.class).single();
    }

    @Test
    void problemNamesTheFieldAndItsLimit() {
        String title = uniqueTitle("Limits");

        var response = client.upload(Upload.of(TestPdfs.withText(title), title, "1".repeat(51)));

        assertThat(response.body().path("field").asString()).isEqualTo("version");
        assertThat(response.body().path("maxLength").asInt()).isEqualTo(50);
        assertThat(response.body().path("instance").asString()).isEqualTo("/api/documents");
    }

    @Test
    void tooLargeUploadNamesTheLimit() {
        String title = uniqueTitle("Too large");

        var response = client.upload(Upload.of(TestPdfs.padded(title, 2_200_000), title, "1"));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body().path("maxSizeBytes").asLong()).isEqualTo(2 * 1024 * 1024);
    }

    @Test
    void aRequestThatIsNotMultipartIsUnsupportedMediaType() {
        var response = client.post("/api/documents", MediaType.APPLICATION_JSON, "{\"title\":\"x\"}");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.problemType()).isEqualTo(PROBLEMS + "unsupported-media-type");
    }

    @Test
    void aBrokenMultipartBodyIsAMalformedRequest() {
        var response = client.post("/api/documents", MediaType.parseMediaType("multipart/form-data; boundary=xyz"),
                "--xyz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nno end");

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo(PROBLEMS + "malformed-request");
    }

    private static byte[] png() {
        byte[] bytes = new byte[4096];
        byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    private static byte[] headerAt(int offset) {
        byte[] pdf = TestPdfs.withText("late header");
        byte[] bytes = new byte[offset + pdf.length];
        Arrays.fill(bytes, 0, offset, (byte) ' ');
        System.arraycopy(pdf, 0, bytes, offset, pdf.length);
        return bytes;
    }

}
