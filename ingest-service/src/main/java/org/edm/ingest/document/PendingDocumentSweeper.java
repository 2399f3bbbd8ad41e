package org.edm.ingest.document;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.edm.events.DocumentUploaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces again, through the outbox, documents that stayed {@code pending} unclaimed
 * for {@code edm.pending-recovery.after} although their last event was published: a new
 * {@code DocumentUploaded} with trigger {@code recovery}. This is how an upload whose
 * event went to the dead-letter topic (retries ran out while the database was down, and
 * marking it {@code failed} failed too) is parsed without a manual replay. The parser
 * claims only {@code pending} documents and records each event id it applied, so an extra
 * announcement of a document that is parsed meanwhile does nothing: exactly once in
 * effect. Each further announcement of a document that is still pending waits twice as
 * long as the one before ({@code metadata.recovery_announcements} counts them), so a
 * document merely queued behind a long backlog is announced a few times, not once per
 * {@code after}. Runs every {@code edm.pending-recovery.interval}, the first time a
 * minute after start (or after one interval if shorter).
 */
@Component
@EnableScheduling
class PendingDocumentSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PendingDocumentSweeper.class);

    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

    private final DocumentRepository documents;

    private final DocumentEvents events;

    private final TransactionTemplate transactions;

    private final PendingRecoverySettings settings;

    private final Counter recovered;

    PendingDocumentSweeper(DocumentRepository documents, DocumentEvents events, TransactionTemplate transactions,
            PendingRecoverySettings settings, MeterRegistry meters) {
        this.documents = documents;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        this.recovered = Counter.builder("edm.documents.recovered")
            .description("Documents announced again after staying pending unclaimed")
            .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration interval = settings.interval();
        registrar.addFixedDelayTask(new FixedDelayTask(this::sweep, interval,
                FIRST_RUN_AFTER.compareTo(interval) < 0 ? FIRST_RUN_AFTER : interval));
    }

    /**
     * One run: announces at most {@code edm.pending-recovery.batch-size} documents;
     * returns how many.
     */
    int sweep() {
        try {
            List<StoredDocument> announced = transactions.execute(status -> {
                List<StoredDocument> pending = documents.lockUnclaimedPending(settings.after(), settings.batchSize());
                for (StoredDocument document : pending) {
                    documents.touchPending(document.id());
                    events.uploaded(document, DocumentUploaded.TRIGGER_RECOVERY);
                }
                return pending;
            });
            if (announced == null || announced.isEmpty()) {
                return 0;
            }
            announced.forEach(document -> log.info(
                    "Document announced again after staying pending unclaimed for over {}: document={}",
                    settings.after(), document.id()));
            recovered.increment(announced.size());
            return announced.size();
        }
        catch (RuntimeException e) {
            log.warn("Sweep for documents left pending failed, retrying at the next run: {}", e.toString());
            return 0;
        }
    }

}
