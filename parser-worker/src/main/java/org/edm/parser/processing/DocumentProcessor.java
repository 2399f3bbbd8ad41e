package org.edm.parser.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.edm.events.DocumentProcessed;
import org.edm.events.DocumentUploaded;
import org.edm.events.FailureReason;
import org.edm.events.FailureReason;
import org.edm.parser.outbox.ProcessedEventsOutbox;
import org.edm.parser.split.ParsedSection;
import org.edm.parser.split.PdfInfo;
import org.edm.parser.split.SplitResult;
import org.edm.parser.storage.DocumentFiles;
import org.edm.parser.storage.LocalPdf;
import org.edm.parser.storage.StoredFileMissing;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one {@link DocumentUploaded} event:
 * {@code pending -> processing -> done | failed}.
 * <ol>
 * <li>An event already recorded in {@code processed_events} is skipped.</li>
 * <li>The claim (a guarded UPDATE, committed on its own) moves the document to
 * {@code processing}; when it matches nothing (document gone, already done, or live in
 * another worker) the event is skipped.</li>
 * <li>The split runs outside any transaction, bounded in time, memory and threads.</li>
 * <li>One transaction then replaces the sections, sets the final status, page count and
 * metadata, records the event and appends {@code documents.processed} to the outbox; it
 * commits only while the claim is still held.</li>
 * </ol>
 * Permanent failures (the splitter's reasons) end {@code failed} and return normally, so
 * the offset is committed. Transient ones (the database unreachable) propagate for the
 * caller's back-off. A {@code done} document being reprocessed stays {@code done}: its
 * sections are replaced in the final transaction, or kept when the new parse fails (the
 * failure goes to {@code metadata.reprocess_failure_*}). Published failure messages are
 * fixed per reason ({@link FailureReason#message()}); the raw detail is logged only.
 * {@link FailureReason#FILE_MISSING} comes from here alone: the stored file is checked
 * ({@link StoredFiles#readable}) before the splitter is given its path.
 */
@Service
public class DocumentProcessor {

    private static final Logger log = LoggerFactory.getLogger(DocumentProcessor.class);

    private final DocumentRepository documents;

    private final BoundedSplitter splitter;

    private final DocumentFiles files;

    private final ProcessedEventsOutbox outbox;

    private final TransactionTemplate transaction;

    private final ParserMetrics metrics;

    private final JsonMapper json;

    private final ParserSettings settings;

    DocumentProcessor(DocumentRepository documents, BoundedSplitter splitter, DocumentFiles files,
            ProcessedEventsOutbox outbox, TransactionTemplate transaction, ParserMetrics metrics, JsonMapper json,
            ParserSettings settings) {
        this.documents = documents;
        this.splitter = splitter;
        this.files = files;
        this.outbox = outbox;
        this.transaction = transaction;
        this.metrics = metrics;
        this.json = json;
        this.settings = settings;
    }

    /**
     * Parses the event's document if it is waiting for this event, as interactive work.
     */
    public void process(DocumentUploaded event) {
        process(event, WorkPriority.INTERACTIVE);
    }

    /**
     * Parses the event's document if it is waiting for this event; see the class comment.
     */
    public void process(DocumentUploaded event, WorkPriority priority) {
        UUID documentId = event.documentId();
        if (documents.alreadyProcessed(event.eventId())) {
            log.info("Skipping document {}: event {} was already applied", documentId, event.eventId());
            metrics.skipped("already_applied");
            return;
        }
        Optional<Claim> claim = documents.claim(documentId, event.eventId(), settings.staleAfter());
        if (claim.isEmpty()) {
            Optional<String> status = documents.status(documentId);
            if (status.isEmpty()) {
                log.info("Skipping document {}: it no longer exists (event {})", documentId, event.eventId());
                metrics.skipped("deleted");
            }
            else {
                log.info("Skipping document {}: status is {}, not waiting for event {}", documentId, status.get(),
                        event.eventId());
                metrics.skipped(status.get());
            }
            return;
        }
        parse(claim.get(), priority);
    }

    /**
     * Takes over a document stuck in {@code processing} whose worker went silent, and
     * parses it again.
     */
    void recoverStale(UUID documentId, UUID eventId) {
        Optional<Claim> claim = documents.claimStale(documentId, eventId, settings.staleAfter());
        if (claim.isPresent()) {
            log.info("Recovering document {} stuck in processing (event {})", documentId, eventId);
            parse(claim.get(), WorkPriority.INTERACTIVE);
        }
    }

    /**
     * Marks the event's document {@code failed} with reason
     * {@link FailureReason#PROCESSING_ERROR} after the retries for a transient error ran
     * out (the record went to the dead-letter topic). Does nothing when the document has
     * moved on (done, or taken by another event) or is gone.
     */
    public void failAfterRetries(DocumentUploaded event, Throwable error) {
        UUID documentId = event.documentId();
        FailureReason reason = FailureReason.PROCESSING_ERROR;
        Instant now = Instant.now();
        String outcome = transaction.execute(tx -> {
            String kept;
            if (documents.failUnclaimed(documentId, event.eventId(), failureMetadata(reason, 0, now))) {
                documents.deleteSections(documentId);
                kept = "failed";
            }
            else if (documents.failReprocessUnclaimed(documentId, event.eventId(),
                    reprocessFailureMetadata(reason, 0, now))) {
                kept = "previous sections kept";
            }
            else {
                return null;
            }
            documents.recordProcessedEvent(event.eventId(), documentId);
            outbox.append(DocumentProcessed.failed(now, documentId, event.eventId(), null, 0, reason));
            return kept;
        });
        if (outcome != null) {
            log.warn("Document {} failed after retries ({}): reason={} error=\"{}\"", documentId, outcome,
                    reason.code(), DocumentRepository.clean(String.valueOf(error)));
            metrics.failed(reason.code(), Duration.ZERO);
        }
    }

    private void parse(Claim claim, WorkPriority priority) {
        long started = System.nanoTime();
        SplitOutcome outcome;
        try {
            outcome = claim.attempt() > settings.maxAttempts()
                    // every earlier claim of this event ended without a result: its
                    // worker died on the file
                    ? new SplitOutcome.Failed(FailureReason.ATTEMPTS_EXHAUSTED, "claimed " + claim.attempt()
                            + " times for event " + claim.eventId() + " without finishing; not parsed again")
                    : split(claim, priority);
        }
        catch (ClaimLost e) {
            log.info("Dropping the parse of document {}: {}", claim.documentId(), e.getMessage());
            metrics.skipped("taken_over");
            return;
        }
        Duration splitTime = Duration.ofNanos(System.nanoTime() - started);
        long writeStarted = System.nanoTime();
        boolean written = outcome instanceof SplitOutcome.Split split ? finishDone(claim, split.result(), started)
                : finishFailed(claim, (SplitOutcome.Failed) outcome, started);
        Duration writeTime = Duration.ofNanos(System.nanoTime() - writeStarted);
        if (!written) {
            log.info("Dropping the result for document {}: it was taken over by another worker", claim.documentId());
            metrics.skipped("taken_over");
        }
        else if (outcome instanceof SplitOutcome.Split split) {
            log.info("Document {} done: sections={} pages={} heading_source={} ms={} write_ms={}", claim.documentId(),
                    split.result().sections().size(), split.result().info().pageCount(),
                    split.result().info().headingSource(), millisSince(started), writeTime.toMillis());
            metrics.done(split.result().info().pageCount(), splitTime, writeTime);
        }
        else {
            SplitOutcome.Failed failed = (SplitOutcome.Failed) outcome;
            log.warn("Document {} {}: reason={} detail=\"{}\" ms={}", claim.documentId(),
                    claim.reprocessingDone() ? "reprocess failed, previous sections kept" : "failed",
                    failed.reason().code(), DocumentRepository.clean(failed.detail()), millisSince(started));
            metrics.failed(failed.reason().code(), splitTime);
        }
    }

    /**
     * Splits the claimed document's stored file. A store that cannot be reached throws
     * {@link org.edm.parser.storage.StorageUnavailable} (transient: the event is retried
     * with back-off).
     */
    private SplitOutcome split(Claim claim, WorkPriority priority) {
        SplitOutcome outcome;
        try (LocalPdf pdf = files.fetch(claim.fileKey())) {
            outcome = splitter.split(pdf.path(), claim.documentId(), () -> heartbeat(claim), priority);
        }
        catch (StoredFileMissing e) {
            // an unsafe key, no file, or no object: the message names the storage key,
            // never a server path
            return new SplitOutcome.Failed(FailureReason.FILE_MISSING, e.getMessage());
        }
        if (outcome instanceof SplitOutcome.Split split) {
            String invalid = SectionTreeCheck.problem(split.result().sections());
            if (invalid != null) {
                return new SplitOutcome.Failed(FailureReason.PROCESSING_ERROR,
                        "the splitter produced an invalid section tree: " + invalid);
            }
        }
        return outcome;
    }

    private boolean heartbeat(Claim claim) {
        try {
            return documents.heartbeat(claim);
        }
        catch (DataAccessException e) {
            // The final write will find out whether the database is back; parsing goes on
            // meanwhile.
            log.warn("Cannot refresh the claim on document {}: {}", claim.documentId(), e.getMessage());
            return true;
        }
    }

    private boolean finishDone(Claim claim, SplitResult result, long started) {
        int sectionCount = result.sections().size();
        int pageCount = result.info().pageCount();
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            long durationMs = millisSince(started);
            Instant now = Instant.now();
            if (!documents.finishDone(claim, pageCount, doneMetadata(result.info(), sectionCount, durationMs, now))) {
                return false;
            }
            documents.deleteSections(claim.documentId());
            documents.insertSections(claim.documentId(), result.sections());
            documents.recordProcessedEvent(claim.eventId(), claim.documentId());
            outbox.append(DocumentProcessed.done(now, claim.documentId(), claim.eventId(), sectionCount, pageCount,
                    durationMs));
            return true;
        }));
    }

    /**
     * Records a permanent failure with the reason's fixed message. A {@code done}
     * document being reprocessed keeps its status and sections; the failure of this parse
     * goes to {@code metadata.reprocess_failure_*}.
     */
    private boolean finishFailed(Claim claim, SplitOutcome.Failed outcome, long started) {
        FailureReason reason = outcome.reason();
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            long durationMs = millisSince(started);
            Instant now = Instant.now();
            if (claim.reprocessingDone()) {
                if (!documents.finishReprocessFailed(claim, reprocessFailureMetadata(reason, durationMs, now))) {
                    return false;
                }
            }
            else {
                if (!documents.finishFailed(claim, null, failureMetadata(reason, durationMs, now))) {
                    return false;
                }
                documents.deleteSections(claim.documentId());
            }
            documents.recordProcessedEvent(claim.eventId(), claim.documentId());
            outbox.append(DocumentProcessed.failed(now, claim.documentId(), claim.eventId(), null, durationMs, reason));
            return true;
        }));
    }

    private String doneMetadata(PdfInfo info, int sectionCount, long durationMs, Instant now) {
        Map<String, @Nullable Object> metadata = new LinkedHashMap<>();
        metadata.put("pdf_title", textOrNull(info.title()));
        metadata.put("pdf_author", textOrNull(info.author()));
        metadata.put("pdf_producer", textOrNull(info.producer()));
        metadata.put("pdf_creator", textOrNull(info.creator()));
        metadata.put("pdf_created", info.created());
        metadata.put("pdf_modified", info.modified());
        metadata.put("outline_present", info.outlinePresent());
        metadata.put("encrypted", info.encrypted());
        metadata.put("heading_source", info.headingSource());
        if (info.ocr().used() || !info.ocr().skippedPages().isEmpty()) {
            metadata.put("ocr_pages", info.ocr().pages());
            metadata.put("ocr_mean_confidence", info.ocr().meanConfidence());
            metadata.put("ocr_skipped_pages", info.ocr().skippedPages());
        }
        metadata.put("section_count", sectionCount);
        metadata.put("parse_duration_ms", durationMs);
        metadata.put("parsed_at", now);
        return json.writeValueAsString(metadata);
    }

    private String failureMetadata(FailureReason reason, long durationMs, Instant now) {
        Map<String, @Nullable Object> metadata = new LinkedHashMap<>();
        metadata.put("failure_reason", reason.code());
        metadata.put("failure_message", reason.message());
        metadata.put("parse_duration_ms", durationMs);
        metadata.put("parsed_at", now);
        return json.writeValueAsString(metadata);
    }

    private String reprocessFailureMetadata(FailureReason reason, long durationMs, Instant now) {
        Map<String, @Nullable Object> metadata = new LinkedHashMap<>();
        metadata.put("reprocess_failure_reason", reason.code());
        metadata.put("reprocess_failure_message", reason.message());
        metadata.put("reprocess_failed_at", now);
        metadata.put("reprocess_duration_ms", durationMs);
        return json.writeValueAsString(metadata);
    }

    /**
     * PostgreSQL's text and jsonb cannot hold NUL characters, which damaged PDFs do
     * produce.
     */
    private static @Nullable String textOrNull(@Nullable String text) {
        return text == null ? null : DocumentRepository.clean(text);
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

}
