package org.edm.ingest.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.edm.events.DocumentUploaded;
import org.edm.ingest.storage.DocumentStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Reading, deleting and reprocessing a stored document. */
@Service
class DocumentLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DocumentLifecycle.class);

    private final DocumentRepository documents;

    private final DocumentEvents events;

    private final DocumentStorage storage;

    private final TransactionTemplate transactions;

    private final MeterRegistry meters;

    DocumentLifecycle(DocumentRepository documents, DocumentEvents events, DocumentStorage storage,
            TransactionTemplate transactions, MeterRegistry meters) {
        this.documents = documents;
        this.events = events;
        this.storage = storage;
        this.transactions = transactions;
        this.meters = meters;
    }

    StoredDocument find(UUID id) {
        return documents.findById(id).orElseThrow(() -> new DocumentNotFound(id));
    }

    /**
     * The stored PDF of a document, open for reading (the caller closes it).
     * @throws DocumentNotFound no such document
     * @throws DocumentFileMissing the row exists but its file does not
     */
    StoredFile file(UUID id) throws IOException {
        StoredDocument document = find(id);
        try {
            return new StoredFile(document, storage.open(document.filePath()));
        }
        catch (NoSuchFileException e) {
            log.warn("Document without its file: document={} file={}", id, document.filePath());
            throw new DocumentFileMissing(id);
        }
    }

    /** A document and its open PDF. */
    record StoredFile(StoredDocument document, InputStream content) {
    }

    /**
     * Deletes the row (sections and idempotency keys by cascade) and announces
     * {@code DocumentDeleted} in one transaction, then removes the file. A crash before
     * the file is removed leaves an orphan that the {@link OrphanFileSweeper} deletes
     * later; the reverse order could leave a visible document without its file.
     */
    void delete(UUID id) {
        StoredDocument deleted = transactions.execute(status -> {
            StoredDocument document = documents.delete(id).orElseThrow(() -> new DocumentNotFound(id));
            events.deleted(document);
            return document;
        });
        try {
            storage.delete(deleted.filePath());
        }
        catch (IOException | RuntimeException e) {
            log.warn("Document deleted but its file stays until the orphan sweep: document={} file={} error={}", id,
                    deleted.filePath(), e.toString());
        }
        meters.counter("edm.documents.deleted").increment();
        log.info("Document deleted: document={} title=\"{}\" version=\"{}\"", id, deleted.title(), deleted.version());
    }

    /**
     * Announces a new {@code DocumentUploaded} with trigger {@code reprocess}. A
     * {@code done} document stays {@code done} with its sections (still found by search)
     * and names the event in {@code metadata.reprocess_event_id}; the parser replaces the
     * sections in one transaction, or keeps them and records {@code reprocess_failure_*}
     * when the new parse fails. A {@code pending} (e.g. its first event went to the
     * dead-letter topic) or {@code failed} document goes back to {@code pending}. Refused
     * with {@link DocumentBusy} while the parser works on the document.
     */
    StoredDocument reprocess(UUID id) {
        StoredDocument document = transactions.execute(status -> {
            StoredDocument marked = documents.markForReprocess(id)
                .orElseThrow(
                        () -> documents.findById(id).isPresent() ? new DocumentBusy(id) : new DocumentNotFound(id));
            DocumentUploaded event = events.uploaded(marked, DocumentUploaded.TRIGGER_REPROCESS);
            documents.recordReprocessRequest(id, event.eventId(), event.occurredAt());
            return marked;
        });
        meters.counter("edm.documents.reprocessed").increment();
        log.info("Document queued for reprocessing: document={}", id);
        return document;
    }

}
