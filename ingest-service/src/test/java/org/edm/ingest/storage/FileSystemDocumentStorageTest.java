package org.edm.ingest.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemDocumentStorageTest {

    @TempDir
    Path root;

    @Test
    void aFileLandedInTheLandingDirectoryIsStagedAndStoredByRenamingNotCopying() throws IOException {
        // given: an upload the servlet container spooled into the landing directory
        var storage = new FileSystemDocumentStorage(root);
        byte[] content = "%PDF-1.7 spooled by the container".getBytes(StandardCharsets.US_ASCII);
        Path landed = Files.write(storage.landingDirectory().resolve("upload_1234_1.tmp"), content);
        Object inode = Files.getAttribute(landed, "unix:ino");
        String key = StorageKeys.forDocument(UUID.randomUUID());

        // when
        StagedFile staged = storage.stageFrom(target -> Files.move(landed, target), in -> in);
        storage.promote(staged, key);

        // then: the same file (inode), read once for its size and hash, no copy left
        // behind
        assertThat(staged.sizeBytes()).isEqualTo(content.length);
        assertThat(staged.sha256()).isEqualTo(sha256(content));
        assertThat(Files.getAttribute(root.resolve(key), "unix:ino")).isEqualTo(inode);
        assertThat(landed).doesNotExist();
        try (var left = Files.list(storage.landingDirectory())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aLandedFileRefusedByTheCheckLeavesNothingBehind() throws IOException {
        // given
        var storage = new FileSystemDocumentStorage(root);
        Path landed = Files.write(storage.landingDirectory().resolve("upload_1234_2.tmp"), new byte[] { 1, 2, 3 });

        // when
        assertThatThrownBy(
                () -> storage.stageFrom(target -> Files.move(landed, target), in -> new FilterInputStream(in) {
                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        throw new IOException("not a PDF");
                    }
                }))
            .hasMessage("not a PDF");

        // then
        try (var left = Files.list(storage.landingDirectory())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void containerSpoolFilesLeftByACrashArePurgedLikeStagedFiles() throws IOException {
        // given
        var storage = new FileSystemDocumentStorage(root);
        Path spooled = Files.write(storage.landingDirectory().resolve("upload_abcd_7.tmp"), new byte[] { 1 });

        // when
        int purged = storage.purgeStagedBefore(Instant.now().plusSeconds(60));

        // then
        assertThat(purged).isEqualTo(1);
        assertThat(spooled).doesNotExist();
    }

    @Test
    void stagedFileIsInvisibleUntilPromotedThenReadableUnderItsKey() throws IOException {
        var storage = new FileSystemDocumentStorage(root);
        byte[] content = "%PDF-1.7 hello".getBytes(StandardCharsets.US_ASCII);
        String key = StorageKeys.forDocument(UUID.randomUUID());

        StagedFile staged = storage.stage(new ByteArrayInputStream(content));

        assertThat(staged.sizeBytes()).isEqualTo(content.length);
        assertThat(staged.sha256()).isEqualTo(sha256(content));
        assertThat(storage.exists(key)).isFalse();

        storage.promote(staged, key);

        assertThat(Files.readAllBytes(root.resolve(key))).isEqualTo(content);
        assertThat(root.resolve(".staging")).isEmptyDirectory();
        assertThat(storage.delete(key)).isTrue();
        assertThat(storage.exists(key)).isFalse();
    }

    @Test
    void aFailingStreamLeavesNoStagedFile() {
        var storage = new FileSystemDocumentStorage(root);
        InputStream failing = new InputStream() {
            int calls;

            @Override
            public int read() throws IOException {
                if (calls++ > 10) {
                    throw new IOException("client went away");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> storage.stage(failing)).hasMessage("client went away");
        assertThat(root.resolve(".staging")).isEmptyDirectory();
    }

    @Test
    void refusesKeysOutsideTheRoot() {
        var storage = new FileSystemDocumentStorage(root);

        for (String key : new String[] { "../escape.pdf", "/etc/passwd", "ab/../../x", ".staging/x.part", "." }) {
            assertThatThrownBy(() -> storage.delete(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void listsOldStoredFilesAndPurgesOldStagedOnes() throws IOException {
        var storage = new FileSystemDocumentStorage(root);
        Instant old = Instant.now().minus(Duration.ofHours(3));
        String oldKey = StorageKeys.forDocument(UUID.randomUUID());
        String newKey = StorageKeys.forDocument(UUID.randomUUID());
        storage.promote(storage.stage(new ByteArrayInputStream(new byte[] { 1 })), oldKey);
        storage.promote(storage.stage(new ByteArrayInputStream(new byte[] { 2 })), newKey);
        Files.setLastModifiedTime(root.resolve(oldKey), FileTime.from(old));
        StagedFile oldStaged = storage.stage(new ByteArrayInputStream(new byte[] { 3 }));
        storage.stage(new ByteArrayInputStream(new byte[] { 4 }));
        Files.setLastModifiedTime(root.resolve(".staging").resolve(oldStaged.handle()), FileTime.from(old));

        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        assertThat(storage.keysModifiedBefore(hourAgo)).containsExactly(oldKey);
        assertThat(storage.purgeStagedBefore(hourAgo)).isEqualTo(1);
        try (var staged = Files.list(root.resolve(".staging"))) {
            assertThat(staged).hasSize(1);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
