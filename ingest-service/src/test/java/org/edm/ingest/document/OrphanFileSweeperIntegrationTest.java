package org.edm.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.edm.ingest.IngestClient.Upload;
import org.edm.ingest.IngestIntegrationTest;
import org.edm.testsupport.TestPdfs;
import org.edm.ingest.storage.StorageKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a crash leaves in the storage is removed; a document's file and anything recent
 * are not.
 */
class OrphanFileSweeperIntegrationTest extends IngestIntegrationTest {

    @Autowired
    OrphanFileSweeper sweeper;

    @Autowired
    MeterRegistry meters;

    @Test
    void deletesOldUnreferencedAndStagedFilesOnly() throws Exception {
        // given
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        String title = uniqueTitle("Kept");
        String keptId = client.upload(Upload.of(TestPdfs.withText(title), title, "1")).id();
        Path kept = storageRoot().resolve(StorageKeys.forDocument(UUID.fromString(keptId)));
        Path orphan = file(StorageKeys.forDocument(UUID.randomUUID()), twoHoursAgo);
        Path recentOrphan = file(StorageKeys.forDocument(UUID.randomUUID()), Instant.now());
        Path staged = file(".staging/" + UUID.randomUUID() + ".part", twoHoursAgo);
        Path foreign = file("ab/notes.txt", twoHoursAgo);
        Files.setLastModifiedTime(kept, FileTime.from(twoHoursAgo));
        double counted = meters.counter("edm.storage.orphans.deleted").count();

        // when
        int deleted = sweeper.sweep();

        // then
        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(orphan).doesNotExist();
        assertThat(staged).doesNotExist();
        assertThat(kept).exists();
        assertThat(recentOrphan).exists();
        assertThat(foreign).exists();
        assertThat(meters.counter("edm.storage.orphans.deleted").count()).as("counted once each")
            .isEqualTo(counted + deleted);
        Files.delete(recentOrphan);
        Files.delete(foreign);
    }

    private static Path file(String key, Instant modified) throws Exception {
        Path path = storageRoot().resolve(key);
        Files.createDirectories(path.getParent());
        Files.write(path, TestPdfs.withText(key));
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }

}
