package org.edm.parser.processing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.edm.events.FailureReason;
import org.edm.parser.split.SplitFailed;
import org.edm.parser.split.SplitResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the splitter on a bounded pool of threads with a hard deadline per document. The
 * splitter checks the same timeout in every stage; this deadline also covers a single
 * PDFBox call that never returns. While it waits, the caller's heartbeat keeps the
 * document's claim fresh.
 * <p>
 * {@code edm.parser.max-parallel-splits} slots bound the split threads; a slot is freed
 * when its thread really ends, not when its split is cancelled, so threads that outlive
 * their deadline are counted ({@link #overdue()}) and never multiply. When every slot is
 * taken the caller <em>waits</em> for one (back pressure), heartbeating, up to
 * {@code edm.parser.slot-wait}; only then does it get a
 * {@link RejectedExecutionException} to back off and retry. A split cut short by shutdown
 * or interruption ends with {@link SplitAbandoned} (also a rejection), never with a
 * result, so a stopping worker leaves the document to be re-delivered.
 */
@Component
class BoundedSplitter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BoundedSplitter.class);

    /**
     * Lets the splitter report its own, more precise timeout before this deadline cuts it
     * off.
     */
    private static final Duration MAX_GRACE = Duration.ofSeconds(2);

    private final PdfSplitter splitter;

    private final Duration timeout;

    private final Duration deadline;

    private final Duration heartbeatInterval;

    private final Duration slotWait;

    private final int slotCount;

    private final int reservedCount;

    /** Every split holds one: {@code slotCount + reservedCount} in all. */
    private final Semaphore slots;

    /**
     * A bulk split also holds one of these ({@code slotCount}), so bulk work never takes
     * the reserved slots.
     */
    private final Semaphore bulkSlots;

    private final Set<Running> running = ConcurrentHashMap.newKeySet();

    private final AtomicInteger waiting = new AtomicInteger();

    private final AtomicInteger interactiveWaiting = new AtomicInteger();

    /** Interactive splits. */
    private final ThreadPoolExecutor pool;

    /**
     * Bulk splits: threads at {@code edm.parser.bulk-split-nice}, or {@link #pool} when
     * that is 0.
     */
    private final ThreadPoolExecutor bulkPool;

    private volatile boolean closing;

    BoundedSplitter(PdfSplitter splitter, ParserSettings settings) {
        PdfBoxLogBudget.install();
        this.splitter = splitter;
        this.timeout = settings.timeout();
        Duration grace = settings.timeout().dividedBy(10);
        this.deadline = settings.timeout().plus(grace.compareTo(MAX_GRACE) < 0 ? grace : MAX_GRACE);
        this.heartbeatInterval = settings.heartbeatInterval();
        this.slotWait = settings.slotWait();
        this.slotCount = settings.maxParallelSplits();
        this.reservedCount = settings.interactiveReservedSplits();
        this.slots = new Semaphore(slotCount + reservedCount, true);
        this.bulkSlots = new Semaphore(slotCount, true);
        AtomicInteger threads = new AtomicInteger();
        // The slots bound the work; the queue only absorbs the moment between a slot's
        // release and its thread
        // becoming idle again.
        this.pool = new ThreadPoolExecutor(slotCount + reservedCount, slotCount + reservedCount, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "pdf-split-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.pool.allowCoreThreadTimeOut(true);
        int nice = settings.bulkSplitNice();
        AtomicInteger bulkThreads = new AtomicInteger();
        this.bulkPool = nice == 0 ? pool : new ThreadPoolExecutor(slotCount, slotCount, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(() -> {
                        if (!ThreadNiceness.lowerCurrentThread(nice)) {
                            log.warn("Could not set the nice value {} on bulk split thread {}; it runs at"
                                    + " the worker's own", nice, Thread.currentThread().getName());
                        }
                        runnable.run();
                    }, "pdf-split-bulk-" + bulkThreads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.bulkPool.allowCoreThreadTimeOut(true);
    }

    /**
     * Splits {@code pdf}, calling {@code heartbeat} every heartbeat interval while it
     * waits for a slot and while the split runs.
     * @param heartbeat refreshes the claim; returns false when the document was taken
     * over, which cancels the split with {@link ClaimLost}
     */
    SplitOutcome split(Path pdf, UUID documentId, BooleanSupplier heartbeat) {
        return split(pdf, documentId, heartbeat, WorkPriority.INTERACTIVE);
    }

    /**
     * As {@link #split(Path, UUID, BooleanSupplier)}; a {@code BULK} split lets waiting
     * interactive ones go first.
     */
    SplitOutcome split(Path pdf, UUID documentId, BooleanSupplier heartbeat, WorkPriority priority) {
        SplitOutcome outcome = run(pdf, documentId, heartbeat, priority);
        if (closing) {
            // Shutting down interrupts the split, which PDFBox may report as a damaged
            // file: never record that.
            throw new SplitAbandoned(documentId);
        }
        return outcome;
    }

    /** Slots in all, the interactive reserve included. */
    int slots() {
        return slotCount + reservedCount;
    }

    /** Split threads running now, overdue ones included. */
    int busy() {
        return running.size();
    }

    /**
     * Split threads still running past their deadline: cancelled, but stuck where no
     * check reaches.
     */
    int overdue() {
        long now = System.nanoTime();
        return (int) running.stream().filter(r -> now - r.deadlineNanos() > 0).count();
    }

    /** Callers waiting for a free slot. */
    int waiting() {
        return waiting.get();
    }

    private SplitOutcome run(Path pdf, UUID documentId, BooleanSupplier heartbeat, WorkPriority priority) {
        boolean bulk = priority == WorkPriority.BULK;
        // one slot-wait for both permits of a bulk split
        long giveUp = System.nanoTime() + slotWait.toNanos();
        if (bulk) {
            acquire(bulkSlots, giveUp, documentId, heartbeat, priority);
        }
        try {
            acquire(slots, giveUp, documentId, heartbeat, priority);
        }
        catch (RuntimeException e) {
            if (bulk) {
                bulkSlots.release();
            }
            throw e;
        }
        long deadline = System.nanoTime() + this.deadline.toNanos();
        Running entry = new Running(documentId, deadline, bulk);
        running.add(entry);
        Future<SplitResult> future;
        try {
            future = (bulk ? bulkPool : pool).submit(() -> {
                if (!entry.begin()) {
                    // cancelled before it started; the canceller freed the slot
                    return null;
                }
                try {
                    PdfBoxLogBudget.startDocument();
                    return splitter.split(pdf);
                }
                finally {
                    release(entry);
                }
            });
        }
        catch (RejectedExecutionException e) {
            release(entry);
            throw new SplitAbandoned(documentId);
        }
        try {
            while (true) {
                long remaining = deadline - System.nanoTime();
                // A heartbeat can block (the database unreachable: up to the pool's
                // connection timeout); a split that finished meanwhile is a result, not a
                // timeout.
                if (remaining <= 0 && !future.isDone()) {
                    cancel(future, entry);
                    return new SplitOutcome.Failed(FailureReason.TIMEOUT, "splitting took longer than " + timeout);
                }
                try {
                    return new SplitOutcome.Split(future
                        .get(Math.max(0, Math.min(remaining, heartbeatInterval.toNanos())), TimeUnit.NANOSECONDS));
                }
                catch (TimeoutException stillRunning) {
                    if (!heartbeat.getAsBoolean()) {
                        cancel(future, entry);
                        throw new ClaimLost(documentId);
                    }
                }
            }
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SplitFailed failed) {
                return new SplitOutcome.Failed(failed.reason(), failed.getMessage());
            }
            // A splitter bug or an unchecked PDFBox error on a hostile file:
            // deterministic, so not retried.
            log.warn("Splitting document {} threw unexpectedly", documentId, cause);
            return new SplitOutcome.Failed(FailureReason.PROCESSING_ERROR,
                    "the splitter failed unexpectedly: " + cause);
        }
        catch (CancellationException e) {
            throw new SplitAbandoned(documentId);
        }
        catch (InterruptedException e) {
            cancel(future, entry);
            Thread.currentThread().interrupt();
            throw new SplitAbandoned(documentId);
        }
    }

    /**
     * Interrupts the split; one that never started frees its slot here, a running one
     * when its thread ends.
     */
    private void cancel(Future<SplitResult> future, Running entry) {
        future.cancel(true);
        if (entry.begin()) {
            release(entry);
        }
    }

    /**
     * Waits for a free permit of {@code semaphore}, keeping the claim fresh; a rejection
     * after {@code slot-wait}. A bulk caller that gets a slot while an interactive one
     * waits hands it on (the fair semaphore gives it to the longest waiter) and queues
     * again behind it.
     */
    private void acquire(Semaphore semaphore, long giveUp, UUID documentId, BooleanSupplier heartbeat,
            WorkPriority priority) {
        boolean bulk = priority == WorkPriority.BULK;
        if (!bulk) {
            // before waiting: who sees a waiter sees its priority
            interactiveWaiting.incrementAndGet();
        }
        waiting.incrementAndGet();
        try {
            while (true) {
                if (closing) {
                    throw new SplitAbandoned(documentId);
                }
                long remaining = giveUp - System.nanoTime();
                // past the slot wait (a blocked heartbeat can take it all): one last look
                boolean acquired = remaining > 0
                        ? semaphore.tryAcquire(Math.min(remaining, heartbeatInterval.toNanos()), TimeUnit.NANOSECONDS)
                        : semaphore.tryAcquire();
                if (acquired) {
                    if (!bulk || semaphore == bulkSlots || interactiveWaiting.get() == 0) {
                        return;
                    }
                    semaphore.release();
                    if (remaining > 0) {
                        Thread.onSpinWait();
                        continue;
                    }
                }
                if (remaining <= 0) {
                    log.warn("No free split slot for document {} within {} ({} of {} split threads past their "
                            + "deadline); retried later", documentId, slotWait, overdue(), slots());
                    throw new RejectedExecutionException("no free split slot within " + slotWait);
                }
                if (!heartbeat.getAsBoolean()) {
                    throw new ClaimLost(documentId);
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SplitAbandoned(documentId);
        }
        finally {
            waiting.decrementAndGet();
            if (!bulk) {
                interactiveWaiting.decrementAndGet();
            }
        }
    }

    private void release(Running entry) {
        if (running.remove(entry)) {
            long late = System.nanoTime() - entry.deadlineNanos();
            if (late > 0) {
                log.warn("Split thread of document {} ended {} ms after its deadline", entry.documentId(),
                        late / 1_000_000);
            }
            slots.release();
            if (entry.bulk()) {
                bulkSlots.release();
            }
        }
    }

    @Override
    public void destroy() {
        closing = true;
        pool.shutdownNow();
        bulkPool.shutdownNow();
    }

    /**
     * A split thread at work, identity-compared: the same document may be split twice at
     * once.
     */
    private static final class Running {

        private final UUID documentId;

        private final long deadlineNanos;

        private final boolean bulk;

        private final AtomicBoolean begun = new AtomicBoolean();

        Running(UUID documentId, long deadlineNanos, boolean bulk) {
            this.documentId = documentId;
            this.deadlineNanos = deadlineNanos;
            this.bulk = bulk;
        }

        boolean bulk() {
            return bulk;
        }

        UUID documentId() {
            return documentId;
        }

        long deadlineNanos() {
            return deadlineNanos;
        }

        /**
         * True for the first caller only: the split thread starting it, or a canceller
         * that got there first.
         */
        boolean begin() {
            return begun.compareAndSet(false, true);
        }

    }

}
