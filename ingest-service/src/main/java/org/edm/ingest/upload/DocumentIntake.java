package org.edm.ingest.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

import org.edm.events.DocumentUploaded;
import org.edm.ingest.document.DocumentEvents;
import org.edm.ingest.document.DocumentRepository;
import org.edm.ingest.document.StoredDocument;
import org.edm.ingest.storage.DocumentStorage;
import org.edm.ingest.storage.StagedFile;
import org.edm.ingest.storage.StorageKeys;
import org.edm.ingest.upload.Rejections.FileEmpty;
import org.edm.ingest.upload.Rejections.IdempotencyKeyReused;
import org.edm.ingest.upload.Rejections.StorageUnavailable;
import org.edm.ingest.upload.UploadResult.Outcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes in one upload: stages the file (checking it is a PDF while it streams, computing
 * its SHA-256), then in one transaction either inserts the document row with its
 * {@code DocumentUploaded} outbox row and moves the file under its key, or finds the
 * document the same bytes (or the same Idempotency-Key) produced before.
 * <p>
 * The file is promoted before the commit, so a committed document always has its file; a
 * crash between the two leaves a file without a row, which the orphan sweeper deletes. A
 * rejected or duplicate upload leaves nothing.
 */
@Service
class DocumentIntake {

    private static final Logger log = LoggerFactory.getLogger(DocumentIntake.class);

    private static final int MAX_ATTEMPTS = 3;

    private final DocumentStorage storage;

    private final DocumentRepository documents;

    private final DocumentEvents events;

    private final IdempotencyKeys keys;

    private final TransactionTemplate transactions;

    private final UploadSettings settings;

    private final JsonMapper json;

    DocumentIntake(DocumentStorage storage, DocumentRepository documents, DocumentEvents events, IdempotencyKeys keys,
            TransactionTemplate transactions, UploadSettings settings, JsonMapper json) {
        this.storage = storage;
        this.documents = documents;
        this.events = events;
        this.keys = keys;
        this.transactions = transactions;
        this.settings = settings;
        this.json = json;
    }

    UploadResult accept(UploadRequest request, InputStream content) {
        return takeIn(request, stage(content));
    }

    /**
     * Takes in an upload the servlet container already wrote to disk: the file is moved
     * to staging, not copied (see {@link DocumentStorage#stageFrom}), and read once for
     * the PDF check and its SHA-256.
     */
    UploadResult acceptSpooled(UploadRequest request, DocumentStorage.FileTransfer upload) {
        StagedFile staged;
        try {
            staged = storage.stageFrom(upload, content -> new PdfSniffer(content, settings.maxSize().toBytes()));
        }
        catch (PdfSniffer.Refused refused) {
            throw refused.rejection();
        }
        catch (IOException e) {
            throw new StorageUnavailable(e);
        }
        return takeIn(request, staged);
    }

    private UploadResult takeIn(UploadRequest request, StagedFile staged) {
        Promotion promotion = new Promotion();
        try {
            if (staged.sizeBytes() == 0) {
                throw new FileEmpty();
            }
            for (int attempt = 1;; attempt++) {
                try {
                    return transactions.execute(status -> decide(request, staged, promotion));
                }
                catch (KeyTakenConcurrently e) {
                    // Another request with this key committed first; its document is the
                    // answer (or a conflict).
                    Optional<UploadResult> earlier = transactions.execute(status -> replay(request, staged));
                    if (earlier != null && earlier.isPresent()) {
                        return earlier.get();
                    }
                    if (attempt == MAX_ATTEMPTS) {
                        throw new IllegalStateException("Idempotency-Key kept changing hands", e);
                    }
                }
            }
        }
        catch (RuntimeException e) {
            removeUncommittedFile(promotion);
            throw e;
        }
        finally {
            storage.discard(staged); // a no-op once promoted
        }
    }

    private StagedFile stage(InputStream content) {
        try (var sniffer = new PdfSniffer(content, settings.maxSize().toBytes())) {
            return storage.stage(sniffer);
        }
        catch (PdfSniffer.Refused refused) {
            throw refused.rejection();
        }
        catch (IOException e) {
            throw new StorageUnavailable(e);
        }
    }

    private UploadResult decide(UploadRequest request, StagedFile staged, Promotion promotion) {
        if (request.idempotencyKey() != null) {
            Optional<UploadResult> earlier = replay(request, staged);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        for (int attempt = 1;; attempt++) {
            UUID id = UUID.randomUUID();
            String key = StorageKeys.forDocument(id);
            Optional<StoredDocument> created = documents.insertIfNew(id, request.title(), request.version(), key,
                    metadataJson(request, staged));
            if (created.isPresent()) {
                events.uploaded(created.get(), DocumentUploaded.TRIGGER_UPLOAD, request.bulk());
                rememberKey(request, id);
                promote(staged, key, id, promotion);
                return new UploadResult(created.get(), Outcome.CREATED);
            }
            Optional<StoredDocument> existing = documents.findByIdentity(request.title(), request.version(),
                    staged.sha256());
            if (existing.isPresent()) {
                rememberKey(request, existing.get().id());
                return new UploadResult(existing.get(), Outcome.DUPLICATE);
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("the identical document kept disappearing while uploading");
            }
            // The identical document was deleted between our insert and our lookup:
            // insert again.
        }
    }

    /**
     * The document an earlier request with this Idempotency-Key produced, if the key is
     * known.
     */
    private Optional<UploadResult> replay(UploadRequest request, StagedFile staged) {
        String key = request.idempotencyKey();
        if (key == null) {
            return Optional.empty();
        }
        return keys.documentFor(request.caller(), key).flatMap(documents::findById).map(earlier -> {
            if (!earlier.title().equals(request.title()) || !earlier.version().equals(request.version())
                    || !earlier.sha256().equals(staged.sha256())) {
                throw new IdempotencyKeyReused(earlier.id().toString());
            }
            return new UploadResult(earlier, Outcome.REPLAYED);
        });
    }

    private void rememberKey(UploadRequest request, UUID documentId) {
        String key = request.idempotencyKey();
        if (key != null && !keys.remember(request.caller(), key, documentId)) {
            throw new KeyTakenConcurrently();
        }
    }

    private void promote(StagedFile staged, String key, UUID id, Promotion promotion) {
        // Noted before the rename: a failure half-way through it may still have left the
        // file under the key.
        promotion.documentId = id;
        promotion.key = key;
        try {
            storage.promote(staged, key);
        }
        catch (IOException e) {
            throw new StorageUnavailable(e);
        }
    }

    private String metadataJson(UploadRequest request, StagedFile staged) {
        ObjectNode metadata = json.createObjectNode();
        metadata.put(DocumentRepository.SHA256, staged.sha256());
        metadata.put(DocumentRepository.SIZE_BYTES, staged.sizeBytes());
        if (request.originalFilename() != null) {
            metadata.put("original_filename", request.originalFilename());
        }
        if (request.metadata() != null) {
            metadata.set("custom", request.metadata());
        }
        return json.writeValueAsString(metadata);
    }

    /**
     * The transaction failed after the file was promoted. Delete the file only if the row
     * certainly does not exist: a commit whose answer was lost may have succeeded.
     * Otherwise the sweeper decides later.
     */
    private void removeUncommittedFile(Promotion promotion) {
        if (promotion.key == null || promotion.documentId == null) {
            return;
        }
        try {
            if (documents.findById(promotion.documentId).isEmpty()) {
                storage.delete(promotion.key);
            }
        }
        catch (IOException | RuntimeException e) {
            log.warn("Left file {} of a failed upload to the orphan sweeper: {}", promotion.key, e.toString());
        }
    }

    /** Where the staged file went, once it was promoted inside the transaction. */
    private static final class Promotion {

        @Nullable UUID documentId;

        @Nullable String key;

    }

    /**
     * Rolls the transaction back: a concurrent request recorded the same Idempotency-Key
     * first.
     */
    private static final class KeyTakenConcurrently extends RuntimeException {

        KeyTakenConcurrently() {
            super(null, null, false, false);
        }

    }

}
