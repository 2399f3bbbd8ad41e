package org.edm.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.servlet.MultipartConfigElement;
import org.edm.ingest.IngestClient.Upload;
import org.edm.ingest.IngestIntegrationTest;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An upload reaches the disk once: the container spools it into the storage's staging
 * directory and staging it is a rename, not a second copy (measured as the bytes this JVM
 * writes, from {@code /proc/self/io}).
 */
class UploadDiskUseIntegrationTest extends IngestIntegrationTest {

    @Autowired
    MultipartConfigElement multipart;

    @Test
    void theContainerSpoolsUploadsIntoTheStagingDirectory() throws IOException {
        assertThat(Path.of(multipart.getLocation()).toRealPath())
            .isEqualTo(storageRoot().resolve(".staging").toRealPath());
    }

    @Test
    void anUploadIsWrittenToDiskOnceNotSpooledAndCopied() throws IOException {
        // given: a PDF well above the container's in-memory threshold
        int size = 1_500_000;
        byte[] pdf = TestPdfs.padded(uniqueTitle("disk use"), size);
        long writtenBefore = bytesWrittenByThisProcess();

        // when
        var response = client.upload(Upload.of(pdf, uniqueTitle("Disk use"), "1"));

        // then
        assertThat(response.status()).as(response.raw()).isEqualTo(202);
        long written = bytesWrittenByThisProcess() - writtenBefore;
        System.out.printf("[disk-use] upload of %d bytes: this JVM wrote %d bytes (%.2fx)%n", pdf.length, written,
                (double) written / pdf.length);
        assertThat(written).as("bytes written for a %d-byte upload", pdf.length).isLessThan(pdf.length * 3L / 2);
    }

    /**
     * Bytes this process caused to be written to storage (Linux {@code /proc/self/io},
     * all threads).
     */
    private static long bytesWrittenByThisProcess() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/io"));
        return lines.stream()
            .filter(line -> line.startsWith("write_bytes:"))
            .mapToLong(line -> Long.parseLong(line.substring("write_bytes:".length()).strip()))
            .findFirst()
            .orElseThrow();
    }

}
