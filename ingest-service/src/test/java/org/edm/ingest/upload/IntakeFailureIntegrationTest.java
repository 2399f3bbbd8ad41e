package org.edm.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.edm.ingest.IngestIntegrationTest;
import org.edm.testsupport.TestPdfs;
import org.edm.ingest.document.DocumentEvents;
import org.edm.ingest.document.DocumentRepository;
import org.edm.ingest.storage.DocumentStorage;
import org.edm.ingest.storage.StagedFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Failures inside the upload transaction: whatever fails after the row and the event were
 * written, the transaction rolls back and no row, no event and no file remain.
 */
class IntakeFailureIntegrationTest extends IngestIntegrationTest {

    @Autowired
    DocumentStorage storage;

    @Autowired
    DocumentRepository documents;

    @Autowired
    DocumentEvents events;

    @Autowired
    IdempotencyKeys keys;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    UploadSettings settings;

    @Autowired
    JsonMapper json;

    @Test
    void aFailedRenameRollsBackTheRowAndTheEventAndLeavesNoFile() {
        // given: storage whose rename fails
        String title = uniqueTitle("Rename fails");
        DocumentIntake intake = intakeWith(new FailingStorage(storage, true));
        List<java.nio.file.Path> before = storedFiles();

        // when / then
        assertThatThrownBy(() -> intake.accept(request(title), pdf(title)))
            .isInstanceOf(Rejections.StorageUnavailable.class);
        assertThat(documentsTitled(title)).isZero();
        assertThat(outboxRowsTitled(title)).isZero();
        assertThat(storedFiles()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aFailureAfterTheRenameRemovesTheRenamedFile() {
        // given: storage that renames, then the transaction fails before its commit
        String title = uniqueTitle("Fails after rename");
        DocumentIntake intake = intakeWith(new FailingStorage(storage, false));
        List<java.nio.file.Path> before = storedFiles();

        // when / then
        assertThatThrownBy(() -> intake.accept(request(title), pdf(title))).isInstanceOf(IllegalStateException.class);
        assertThat(documentsTitled(title)).isZero();
        assertThat(outboxRowsTitled(title)).isZero();
        assertThat(storedFiles()).containsExactlyInAnyOrderElementsOf(before);
    }

    private DocumentIntake intakeWith(DocumentStorage failing) {
        return new DocumentIntake(failing, documents, events, keys, transactions, settings, json);
    }

    private static UploadRequest request(String title) {
        return new UploadRequest(title, "1", null, UUID.randomUUID().toString(), "spec.pdf", "key:test", false);
    }

    private static InputStream pdf(String title) {
        return new ByteArrayInputStream(TestPdfs.withText(title));
    }

    /** The real storage, except that promotion fails: before the rename, or after it. */
    private record FailingStorage(DocumentStorage delegate, boolean beforeRename) implements DocumentStorage {

        @Override
        public StagedFile stage(InputStream content) throws IOException {
            return delegate.stage(content);
        }

        @Override
        public StagedFile stageFrom(FileTransfer transfer, UnaryOperator<InputStream> check) throws IOException {
            return delegate.stageFrom(transfer, check);
        }

        @Override
        public Path landingDirectory() {
            return delegate.landingDirectory();
        }

        @Override
        public long usableSpace() throws IOException {
            return delegate.usableSpace();
        }

        @Override
        public void promote(StagedFile staged, String key) throws IOException {
            if (beforeRename) {
                throw new IOException("No space left on device");
            }
            delegate.promote(staged, key);
            assertThat(delegate.exists(key)).isTrue();
            throw new IllegalStateException("the process dies after the rename, before the commit");
        }

        @Override
        public void discard(StagedFile staged) {
            delegate.discard(staged);
        }

        @Override
        public boolean delete(String key) throws IOException {
            return delegate.delete(key);
        }

        @Override
        public InputStream open(String key) throws IOException {
            return delegate.open(key);
        }

        @Override
        public boolean exists(String key) {
            return delegate.exists(key);
        }

        @Override
        public List<String> keysModifiedBefore(Instant instant) throws IOException {
            return delegate.keysModifiedBefore(instant);
        }

        @Override
        public int purgeStagedBefore(Instant instant) throws IOException {
            return delegate.purgeStagedBefore(instant);
        }
    }

}
