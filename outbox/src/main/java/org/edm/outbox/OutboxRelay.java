package org.edm.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.edm.events.Topics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes unpublished outbox rows to Kafka, oldest first, on one background thread.
 * <p>
 * Each round is one database transaction: take the advisory lock {@code edm.outbox.lock-key} (a relay that does
 * not get it does nothing this round, so across all instances at most one relay publishes at a time), read the
 * oldest unpublished rows, send at most one row per aggregate (the next row of an aggregate is sent only after the
 * previous one was acknowledged and marked, so a failing row never lets a later row of the same aggregate
 * overtake it), wait for the broker's acknowledgements, mark the acknowledged rows published and count the
 * attempt on the failed ones. While rounds fail, the relay waits with exponential back-off.
 */
final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int CLEANUP_CHUNK = 10_000;
    private static final int MAX_ERROR_LENGTH = 1_000;

    private final OutboxRepository repository;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxSettings settings;
    private final OutboxMetrics metrics;
    private final OutboxSignal signal;
    private final Object lifecycle = new Object();

    private volatile boolean running;
    private @Nullable Thread worker;

    OutboxRelay(OutboxRepository repository, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
            OutboxSettings settings, OutboxMetrics metrics, OutboxSignal signal) {
        this.repository = repository;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = settings;
        this.metrics = metrics;
        this.signal = signal;
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            running = true;
            Thread thread = new Thread(this::run, "outbox-relay");
            thread.setDaemon(true);
            worker = thread;
            thread.start();
        }
    }

    @Override
    public void stop() {
        Thread thread;
        synchronized (lifecycle) {
            running = false;
            thread = worker;
            worker = null;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(settings.sendTimeout().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        log.info("Outbox relay started: poll every {}, batches of {}", settings.pollInterval(), settings.batchSize());
        int consecutiveFailures = 0;
        long nextLagRefresh = 0;
        long nextCleanup = System.nanoTime();
        while (running) {
            try {
                Round round = relayOnce();
                if (System.nanoTime() - nextLagRefresh >= 0) {
                    refreshLag();
                    nextLagRefresh = System.nanoTime() + settings.pollInterval().toNanos();
                }
                if (System.nanoTime() - nextCleanup >= 0) {
                    cleanup();
                    nextCleanup = System.nanoTime() + settings.cleanupInterval().toNanos();
                }
                if (round.failed() > 0) {
                    consecutiveFailures++;
                    Thread.sleep(settings.backoff().delayAfter(consecutiveFailures).toMillis());
                } else {
                    if (consecutiveFailures > 0 && round.publishing()) {
                        log.info("Outbox relay works again after {} failed rounds", consecutiveFailures);
                        consecutiveFailures = 0;
                    }
                    if (!round.more()) {
                        signal.await(settings.pollInterval());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // The database is unreachable or a statement failed: nothing was marked, so back off and retry.
                consecutiveFailures++;
                log.warn("Outbox relay round failed (attempt {}): {}", consecutiveFailures, e.toString());
                try {
                    Thread.sleep(settings.backoff().delayAfter(consecutiveFailures).toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        metrics.publishingLock(false);
        log.info("Outbox relay stopped");
    }

    /** One round; package-private so tests can drive the relay without its thread. */
    Round relayOnce() {
        Round round = transactions.execute(status -> {
            if (!repository.tryLock(settings.lockKey())) {
                return Round.NOT_PUBLISHING;
            }
            List<OutboxRepository.OutboxRow> rows = repository.nextUnpublished(settings.batchSize());
            return publish(rows, rows.size() == settings.batchSize());
        });
        metrics.publishingLock(round != null && round.publishing());
        return round == null ? Round.NOT_PUBLISHING : round;
    }

    private Round publish(List<OutboxRepository.OutboxRow> rows, boolean more) {
        Map<OutboxRepository.OutboxRow, CompletableFuture<?>> sent = new LinkedHashMap<>();
        Set<UUID> aggregatesInRound = new HashSet<>();
        boolean deferred = false;
        for (OutboxRepository.OutboxRow row : rows) {
            if (!aggregatesInRound.add(row.aggregateId())) {
                deferred = true; // a later row of an aggregate already in this round waits for the next round
                continue;
            }
            CompletableFuture<?> future = send(row);
            sent.put(row, future);
            if (future.isCompletedExceptionally()) {
                break; // the broker is unreachable: don't wait max.block.ms for every remaining row
            }
        }
        long deadline = System.nanoTime() + settings.sendTimeout().plusSeconds(2).toNanos();
        List<UUID> acknowledged = new ArrayList<>();
        List<UUID> failed = new ArrayList<>();
        Throwable firstFailure = null;
        for (var entry : sent.entrySet()) {
            OutboxRepository.OutboxRow row = entry.getKey();
            Throwable failure = awaitAcknowledgement(entry.getValue(), deadline);
            if (failure == null) {
                acknowledged.add(row.id());
                metrics.published(row.topic(), row.age());
            } else if (failure instanceof InterruptedException) {
                break; // stopping: leave the remaining rows unmarked, they are sent again by the next relay
            } else {
                failed.add(row.id());
                metrics.failed(row.topic(), failure);
                firstFailure = firstFailure == null ? failure : firstFailure;
            }
        }
        repository.markPublished(acknowledged);
        if (firstFailure != null) {
            repository.recordFailure(failed, describe(firstFailure));
            log.warn("Outbox relay: {} of {} rows not acknowledged by Kafka, retrying with back-off: {}",
                    failed.size(), sent.size(), describe(firstFailure));
        }
        if (!acknowledged.isEmpty()) {
            log.debug("Outbox relay published {} rows", acknowledged.size());
        }
        return new Round(true, acknowledged.size(), failed.size(), more || deferred);
    }

    private CompletableFuture<?> send(OutboxRepository.OutboxRow row) {
        var record = new ProducerRecord<>(row.topic(), row.aggregateId().toString(), row.payload());
        record.headers().add(Topics.EVENT_TYPE_HEADER, row.eventType().getBytes(StandardCharsets.UTF_8));
        try {
            return kafka.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static @Nullable Throwable awaitAcknowledgement(CompletableFuture<?> future, long deadlineNanos) {
        try {
            future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private void refreshLag() {
        metrics.lagRefreshed(repository.lag());
    }

    private void cleanup() {
        int total = 0;
        int deleted;
        do {
            Integer chunk = transactions.execute(status -> repository.tryLock(settings.lockKey())
                    ? repository.deletePublishedBefore(settings.retention(), CLEANUP_CHUNK)
                    : 0);
            deleted = chunk == null ? 0 : chunk;
            total += deleted;
        } while (deleted == CLEANUP_CHUNK && running);
        if (total > 0) {
            metrics.cleaned(total);
            log.info("Outbox cleanup deleted {} rows published more than {} ago", total, settings.retention());
        }
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == failure ? failure.toString() : failure + " caused by " + root;
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    /**
     * What a round did.
     *
     * @param publishing whether this relay held the lock
     * @param published rows acknowledged and marked
     * @param failed rows sent but not acknowledged
     * @param more whether rows were left for another round at once (full batch, or rows deferred)
     */
    record Round(boolean publishing, int published, int failed, boolean more) {
        static final Round NOT_PUBLISHING = new Round(false, 0, 0, false);
    }
}
