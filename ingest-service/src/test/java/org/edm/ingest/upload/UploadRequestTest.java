package org.edm.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.edm.ingest.web.IngestProblem;
import org.edm.security.ProblemType;
import org.edm.security.RejectedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

class UploadRequestTest {

    private final UploadRequest.MetadataParser metadata = new UploadRequest.MetadataParser(JsonMapper.builder().build(),
            DataSize.ofKilobytes(1));

    @Test
    void stripsTitleAndVersionAndKeepsMetadataAsAnObject() {
        var request = UploadRequest.of("  ITCH  ", " 5.0 ", "{\"exchange\":\"Nasdaq\",\"tags\":[1,2]}", "key-1",
                "C:\\Users\\me\\spec.pdf", "key:test", metadata);

        assertThat(request.title()).isEqualTo("ITCH");
        assertThat(request.version()).isEqualTo("5.0");
        assertThat(request.metadata().path("exchange").asString()).isEqualTo("Nasdaq");
        assertThat(request.idempotencyKey()).isEqualTo("key-1");
        assertThat(request.originalFilename()).isEqualTo("spec.pdf");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String title = "😀".repeat(255);

        assertThat(UploadRequest.of(title, "1", null, null, null, "key:test", metadata).title()).isEqualTo(title);
        assertRejected(() -> UploadRequest.of(title + "😀", "1", null, null, null, "key:test", metadata),
                IngestProblem.FIELD_TOO_LONG);
    }

    @Test
    void rejectsMissingBlankLongAndControlCharacterFields() {
        assertRejected(() -> UploadRequest.of(null, "1", null, null, null, "key:test", metadata),
                IngestProblem.FIELD_MISSING);
        assertRejected(() -> UploadRequest.of("t", " ", null, null, null, "key:test", metadata),
                IngestProblem.FIELD_MISSING);
        assertRejected(() -> UploadRequest.of("t", "1".repeat(51), null, null, null, "key:test", metadata),
                IngestProblem.FIELD_TOO_LONG);
        assertRejected(() -> UploadRequest.of("a\u0000b", "1", null, null, null, "key:test", metadata),
                IngestProblem.FIELD_INVALID);
    }

    @Test
    void rejectsMetadataThatIsNotOneCleanObject() {
        for (String bad : new String[] { "[]", "42", "\"text\"", "{", "{\"a\":1}x", "{\"a\":1,\"a\":2}",
                "{\"a\":{\"b\":\"\\u0000\"}}", "{\"x\":\"" + "y".repeat(2_000) + "\"}" }) {
            assertThatThrownBy(() -> UploadRequest.of("t", "1", bad, null, null, "key:test", metadata)).as(bad)
                .isInstanceOf(RejectedRequest.class);
        }
        assertThat(UploadRequest.of("t", "1", "  ", null, null, "key:test", metadata).metadata()).isNull();
    }

    @Test
    void rejectsIdempotencyKeysThatAreEmptyLongOrNotPrintableAscii() {
        for (String bad : new String[] { "", "k".repeat(256), "tab\tkey", "clé" }) {
            assertRejected(() -> UploadRequest.of("t", "1", null, bad, null, "key:test", metadata),
                    IngestProblem.INVALID_IDEMPOTENCY_KEY);
        }
    }

    private static void assertRejected(Runnable action, ProblemType type) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(RejectedRequest.class,
                rejected -> assertThat(rejected.type()).isEqualTo(type));
    }

}
