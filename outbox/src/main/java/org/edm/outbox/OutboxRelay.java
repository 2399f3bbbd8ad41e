package org.edm.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import java.util.function.IntSupplier;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
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
 * Each round is one database transaction: take the advisory lock
 * {@code edm.outbox.lock-key} (a relay that does not get it does nothing this round, so
 * across all instances at most one relay publishes at a time), read the oldest
 * unpublished rows, send at most one row per aggregate (the next row of an aggregate is
 * sent only after the previous one was acknowledged and marked, so a failing row never
 * lets a later row of the same aggregate overtake it), wait for the broker's
 * acknowledgements, mark the acknowledged rows published and count the attempt on the
 * failed ones. Only a failure of the broker as a whole (unreachable, timing out) ends a
 * round early and makes the relay back off exponentially. A failure that is the row's own
 * (record too large, topic missing or not writable) is counted on the row, the round goes
 * on with the other rows, and after {@code edm.outbox.max-record-failures} such failures
 * the row is parked: never sent again, and only the later rows of its own aggregate wait
 * behind it.
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

    private final KafkaCluster cluster;

    private final Object lifecycle = new Object();

    private volatile boolean running;

    private @Nullable Thread worker;

    OutboxRelay(OutboxRepository repository, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
            OutboxSettings settings, OutboxMetrics metrics, OutboxSignal signal, KafkaCluster cluster) {
        this.repository = repository;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = settings;
        this.metrics = metrics;
        this.signal = signal;
        this.cluster = cluster;
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
            }
            catch (InterruptedException e) {
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
                }
                else {
                    if (consecutiveFailures > 0 && round.publishing()) {
                        log.info("Outbox relay works again after {} failed rounds", consecutiveFailures);
                        consecutiveFailures = 0;
                    }
                    if (!round.more()) {
                        signal.await(settings.pollInterval());
                    }
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            catch (RuntimeException e) {
                // The database is unreachable or a statement failed: nothing was marked,
                // so back off and retry.
                consecutiveFailures++;
                log.warn("Outbox relay round failed (attempt {}): {}", consecutiveFailures, e.toString());
                try {
                    Thread.sleep(settings.backoff().delayAfter(consecutiveFailures).toMillis());
                }
                catch (InterruptedException interrupted) {
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
        Map<String, Throwable> refusedTopics = new HashMap<>();
        Map<OutboxRepository.OutboxRow, Throwable> refused = new LinkedHashMap<>();
        Map<OutboxRepository.OutboxRow, Throwable> failed = new LinkedHashMap<>();
        boolean deferred = false;
        for (OutboxRepository.OutboxRow row : rows) {
            if (!aggregatesInRound.add(row.aggregateId())) {
                // a later row of an aggregate already in this round waits for the next
                // round
                deferred = true;
                continue;
            }
            Throwable topicRefusal = refusedTopics.get(row.topic());
            if (topicRefusal != null) {
                // the same topic again: don't wait max.block.ms once more
                refused.put(row, topicRefusal);
                continue;
            }
            CompletableFuture<?> future = send(row);
            if (!future.isCompletedExceptionally()) {
                sent.put(row, future);
                continue;
            }
            Throwable failure = awaitAcknowledgement(future, System.nanoTime());
            Refusal refusal = classifyImmediate(row, failure);
            if (refusal == Refusal.BROKER) {
                failed.put(row, failure);
                // the broker is unreachable: don't wait max.block.ms for every remaining
                // row
                break;
            }
            if (refusal == Refusal.TOPIC) {
                refusedTopics.put(row.topic(), failure);
            }
            refused.put(row, failure);
        }
        long deadline = System.nanoTime() + settings.sendTimeout().plusSeconds(2).toNanos();
        List<UUID> acknowledged = new ArrayList<>();
        for (var entry : sent.entrySet()) {
            OutboxRepository.OutboxRow row = entry.getKey();
            Throwable failure = awaitAcknowledgement(entry.getValue(), deadline);
            if (failure == null) {
                acknowledged.add(row.id());
                metrics.published(row.topic(), row.age());
            }
            else if (failure instanceof InterruptedException) {
                // stopping: leave the remaining rows unmarked, they are sent again by the
                // next relay
                break;
            }
            else if (isRecordSpecific(failure)) {
                refused.put(row, failure);
            }
            else {
                failed.put(row, failure);
            }
        }
        repository.markPublished(acknowledged);
        refused.forEach(this::refuse);
        if (!failed.isEmpty()) {
            Throwable firstFailure = failed.values().iterator().next();
            failed.forEach((row, failure) -> metrics.failed(row.topic(), failure));
            repository.recordFailure(failed.keySet().stream().map(OutboxRepository.OutboxRow::id).toList(),
                    describe(firstFailure));
            log.warn("Outbox relay: {} of {} rows not acknowledged by Kafka, retrying with back-off: {}", failed.size(),
                    sent.size() + refused.size() + failed.size(), describe(firstFailure));
        }
        if (!acknowledged.isEmpty()) {
            log.debug("Outbox relay published {} rows", acknowledged.size());
        }
        return new Round(true, acknowledged.size(), failed.size(), more || deferred);
    }

    /**
     * Counts a failure that was the row's own, and parks the row when it has had too
     * many.
     */
    private void refuse(OutboxRepository.OutboxRow row, Throwable failure) {
        metrics.failed(row.topic(), failure);
        // Retrying cannot make a record smaller or a topic name valid: park such a row at
        // once.
        int limit = isPermanent(failure) ? 1 : settings.maxRecordFailures();
        String error = describe(failure);
        if (repository.recordRefusal(row.id(), error, limit)) {
            log.warn("Outbox row {} ({} of aggregate {} for topic {}) parked: {}; later rows of the aggregate wait",
                    row.id(), row.eventType(), row.aggregateId(), row.topic(), error);
        }
        else {
            log.warn("Outbox row {} ({} of aggregate {} for topic {}) refused, retrying: {}", row.id(), row.eventType(),
                    row.aggregateId(), row.topic(), error);
        }
    }

    /**
     * Whose fault a failure at {@code send()} is. A metadata timeout looks the same
     * whether the broker is away or the topic does not exist (a broker without
     * auto-creation): the shared admin client tells them apart.
     */
    private Refusal classifyImmediate(OutboxRepository.OutboxRow row, Throwable failure) {
        ApiException cause = kafkaCause(failure);
        if (cause instanceof TopicAuthorizationException || cause instanceof InvalidTopicException
                || cause instanceof UnknownTopicOrPartitionException) {
            return Refusal.TOPIC;
        }
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return switch (cluster.topicState(row.topic())) {
                case MISSING, NOT_AUTHORISED -> Refusal.TOPIC;
                case EXISTS, UNKNOWN -> Refusal.BROKER;
            };
        }
        if (isRecordSpecific(failure)) {
            return Refusal.RECORD;
        }
        return Refusal.BROKER;
    }

    /**
     * The errors Kafka reports about one record or its topic. Everything else
     * (authentication, cluster authorisation, timeouts, leaders moving) concerns every
     * row alike and must not park any of them.
     */
    private static boolean isRecordSpecific(Throwable failure) {
        ApiException cause = kafkaCause(failure);
        return isPermanent(failure) || cause instanceof TopicAuthorizationException
                || cause instanceof InvalidRecordException;
    }

    private static boolean isPermanent(Throwable failure) {
        ApiException cause = kafkaCause(failure);
        return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                || cause instanceof InvalidTopicException;
    }

    private static @Nullable ApiException kafkaCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        return null;
    }

    private CompletableFuture<?> send(OutboxRepository.OutboxRow row) {
        var record = new ProducerRecord<>(row.topic(), row.aggregateId().toString(), row.payload());
        record.headers().add(Topics.EVENT_TYPE_HEADER, row.eventType().getBytes(StandardCharsets.UTF_8));
        try {
            return kafka.send(record);
        }
        catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static @Nullable Throwable awaitAcknowledgement(CompletableFuture<?> future, long deadlineNanos) {
        try {
            future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        }
        catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        }
        catch (TimeoutException e) {
            return e;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private void refreshLag() {
        metrics.lagRefreshed(repository.lag());
    }

    /**
     * Deletes published rows older than the retention and parked rows older than the
     * parked retention.
     */
    void cleanup() {
        int published = deleteInChunks(() -> repository.deletePublishedBefore(settings.retention(), CLEANUP_CHUNK));
        int parked = deleteInChunks(() -> repository.deleteParkedBefore(settings.parkedRetention(), CLEANUP_CHUNK));
        if (published + parked > 0) {
            metrics.cleaned(published + parked);
            log.info("Outbox cleanup deleted {} rows published more than {} ago and {} rows parked more than {} ago",
                    published, settings.retention(), parked, settings.parkedRetention());
        }
    }

    private int deleteInChunks(IntSupplier deleteChunk) {
        int total = 0;
        int deleted;
        do {
            Integer chunk = transactions
                .execute(status -> repository.tryLock(settings.lockKey()) ? deleteChunk.getAsInt() : 0);
            deleted = chunk == null ? 0 : chunk;
            total += deleted;
        }
        while (deleted == CLEANUP_CHUNK && running);
        return total;
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
     * @param more whether rows were left for another round at once (full batch, or rows
     * deferred)
     */
    record Round(boolean publishing, int published, int failed, boolean more) {
        static final Round NOT_PUBLISHING = new Round(false, 0, 0, false);

    }

    /** Whose fault a failed send was. */
    private enum Refusal {

        /** this record's: counts towards parking it */
        RECORD,
        /**
         * its topic's (missing, not writable, invalid): the other rows of the topic are
         * not sent this round
         */
        TOPIC,
        /** the broker's: the round ends and the relay backs off */
        BROKER

    }

}
