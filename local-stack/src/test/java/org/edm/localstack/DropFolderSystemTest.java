package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.UUID;

import org.edm.testsupport.TestPdfs;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The drop folder against the running ingest-service (the system's, with its API key): a
 * file still growing is left alone, a finished one is uploaded with the title and version
 * of its side-car JSON and archived in {@code uploaded/} with the service's answer; a
 * file the service refuses goes to {@code rejected/} with the problem beside it. Scans
 * are run by the test one by one, so "the size stayed the same for one scan" needs no
 * clock.
 */
class DropFolderSystemTest {

    static SharedStack stack;
    static JdbcClient jdbc;

    @TempDir
    Path directory;

    @BeforeAll
    static void runningSystem() throws Exception {
        stack = SharedStack.get();
        jdbc = JdbcClient.create(TestInfrastructure.shared().dataSource());
    }

    @Test
    void aGrowingFileWaitsAFinishedOneIsUploadedWithItsSideCarAndArchivedWithTheAnswer() throws Exception {
        // given: the first half of a PDF, and its side-car
        String title = "Drop folder " + UUID.randomUUID();
        byte[] pdf = TestPdfs.specification("dropmarker", 2, 1);
        Path file = directory.resolve("spec.pdf");
        Files.write(file, Arrays.copyOf(pdf, pdf.length / 2));
        Files.writeString(directory.resolve("spec.json"),
                "{\"title\": \"" + title + "\", \"version\": \"7.1\", \"metadata\": {\"exchange\": \"XTST\"}}");
        try (var dropFolder = new DropFolder(directory, stack.ingest, stack.apiKey)) {
            // when: a scan sees the half file, the copy goes on, and the next scan sees
            // another size
            dropFolder.scanOnce();
            Files.write(file, Arrays.copyOfRange(pdf, pdf.length / 2, pdf.length), StandardOpenOption.APPEND);
            dropFolder.scanOnce();

            // then: nothing was uploaded yet
            assertThat(file).exists();
            assertThat(documentsTitled(title)).isZero();

            // when: a scan finds the size unchanged
            dropFolder.scanOnce();
        }

        // then: uploaded whole, under the side-car's title and version, archived with the
        // answer
        assertThat(file).doesNotExist();
        assertThat(directory.resolve("uploaded/spec.pdf")).hasBinaryContent(pdf);
        assertThat(directory.resolve("uploaded/spec.json")).exists();
        String answer = Files.readString(directory.resolve("uploaded/spec.pdf.response.json"));
        String id = SystemClient.JSON.readTree(answer).path("id").asString();
        var row = jdbc
            .sql("SELECT title, version, CAST(metadata ->> 'size_bytes' AS bigint) AS size, "
                    + "metadata -> 'custom' ->> 'exchange' AS exchange FROM documents WHERE id = :id")
            .param("id", UUID.fromString(id))
            .query()
            .singleRow();
        assertThat(row.get("title")).isEqualTo(title);
        assertThat(row.get("version")).isEqualTo("7.1");
        assertThat(row.get("size")).isEqualTo((long) pdf.length);
        assertThat(row.get("exchange")).isEqualTo("XTST");
        assertThat(directory.resolve("rejected")).isEmptyDirectory();
    }

    @Test
    void aFileTheServiceRefusesIsMovedToRejectedWithTheProblem() throws Exception {
        // given
        Path file = directory.resolve("notes.v2.pdf");
        Files.writeString(file, "meeting notes, not a PDF ".repeat(40), StandardCharsets.UTF_8);
        try (var dropFolder = new DropFolder(directory, stack.ingest, stack.apiKey)) {
            // when: two scans see the same size
            dropFolder.scanOnce();
            dropFolder.scanOnce();
        }

        // then
        assertThat(file).doesNotExist();
        assertThat(directory.resolve("rejected/notes.v2.pdf")).exists();
        assertThat(directory.resolve("rejected/notes.v2.pdf.response.json")).content()
            .contains("https://edm.example/problems/not-a-pdf")
            .contains("415");
        assertThat(directory.resolve("uploaded")).isEmptyDirectory();
    }

    private long documentsTitled(String title) {
        return jdbc.sql("SELECT count(*) FROM documents WHERE title = :title")
            .param("title", title)
            .query(Long.class)
            .single();
    }

}
