package org.edm.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.edm.ingest.IngestClient;
import org.edm.ingest.IngestClient.Upload;
import org.edm.ingest.IngestIntegrationTest;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * With the free-space floor above the disk's free space, uploads are refused before
 * anything is written.
 */
@TestPropertySource(properties = "edm.upload.min-free-space=1000TB")
class FreeSpaceFloorIntegrationTest extends IngestIntegrationTest {

    @Test
    void anUploadBelowTheFreeSpaceFloorIs507WithAProblemAndStoresNothing() throws IOException {
        // given
        String title = uniqueTitle("No room");
        long outboxBefore = jdbc.sql("SELECT count(*) FROM outbox_events").query(Long.class).single();

        // when
        var response = client.upload(Upload.of(TestPdfs.withText(title), title, "1"));

        // then
        assertThat(response.status()).as(response.raw()).isEqualTo(507);
        assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.problemType()).isEqualTo("https://edm.example/problems/insufficient-storage");
        assertThat(response.raw()).doesNotContain(storageRoot().toString());
        assertThat(jdbc.sql("SELECT count(*) FROM documents WHERE title = :title")
            .param("title", title)
            .query(Long.class)
            .single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_events").query(Long.class).single()).isEqualTo(outboxBefore);
        try (var staged = Files.list(storageRoot().resolve(".staging"))) {
            assertThat(staged).isEmpty();
        }
    }

    @Test
    void withoutAKeyTheAnswerIs401NotADiskReport() {
        // when
        var response = new IngestClient(port, null).upload(Upload.of(TestPdfs.withText("x"), "x", "1"));

        // then
        assertThat(response.status()).isEqualTo(401);
    }

}
