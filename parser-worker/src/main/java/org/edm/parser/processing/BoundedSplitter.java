package org.edm.parser.processing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.edm.parser.split.FailureReason;
import org.edm.parser.split.SplitFailed;
import org.edm.parser.split.SplitResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the splitter on a bounded pool of threads with a hard deadline per document. The splitter enforces the
 * same timeout between pages; this deadline also covers a single page that never ends. While it waits, the
 * caller's heartbeat keeps the document's claim fresh.
 * <p>
 * The pool has no queue: when all {@code edm.parser.max-parallel-splits} threads are busy (some may still be
 * finishing cancelled splits), {@link java.util.concurrent.RejectedExecutionException} tells the caller to back
 * off and retry. A split cut short by shutdown or interruption ends with {@link SplitAbandoned} (also a
 * rejection), never with a result, so a stopping worker leaves the document to be re-delivered.
 */
@Component
class BoundedSplitter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BoundedSplitter.class);

    /** Lets the splitter report its own, more precise timeout before this deadline cuts it off. */
    private static final Duration MAX_GRACE = Duration.ofSeconds(2);

    private final PdfSplitter splitter;
    private final Duration timeout;
    private final Duration deadline;
    private final Duration heartbeatInterval;
    private final ThreadPoolExecutor pool;
    private volatile boolean closing;

    BoundedSplitter(PdfSplitter splitter, ParserSettings settings) {
        this.splitter = splitter;
        this.timeout = settings.timeout();
        Duration grace = settings.timeout().dividedBy(10);
        this.deadline = settings.timeout().plus(grace.compareTo(MAX_GRACE) < 0 ? grace : MAX_GRACE);
        this.heartbeatInterval = settings.heartbeatInterval();
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, settings.maxParallelSplits(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "pdf-split-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Splits {@code pdf}, calling {@code heartbeat} every heartbeat interval while the split runs.
     *
     * @param heartbeat refreshes the claim; returns false when the document was taken over, which cancels the
     *     split with {@link ClaimLost}
     */
    SplitOutcome split(Path pdf, UUID documentId, BooleanSupplier heartbeat) {
        SplitOutcome outcome = run(pdf, documentId, heartbeat);
        if (closing) {
            // Shutting down interrupts the split, which PDFBox may report as a damaged file: never record that.
            throw new SplitAbandoned(documentId);
        }
        return outcome;
    }

    private SplitOutcome run(Path pdf, UUID documentId, BooleanSupplier heartbeat) {
        Future<SplitResult> future = pool.submit(() -> splitter.split(pdf));
        long deadline = System.nanoTime() + this.deadline.toNanos();
        try {
            while (true) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    future.cancel(true);
                    return new SplitOutcome.Failed(FailureReason.TIMEOUT.code(),
                            "splitting took longer than " + timeout);
                }
                try {
                    return new SplitOutcome.Split(
                            future.get(Math.min(remaining, heartbeatInterval.toNanos()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException stillRunning) {
                    if (!heartbeat.getAsBoolean()) {
                        future.cancel(true);
                        throw new ClaimLost(documentId);
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SplitFailed failed) {
                return new SplitOutcome.Failed(failed.reason().code(), failed.getMessage());
            }
            // A splitter bug or an unchecked PDFBox error on a hostile file: deterministic, so not retried.
            log.warn("Splitting document {} threw unexpectedly", documentId, cause);
            return new SplitOutcome.Failed(SplitOutcome.PROCESSING_ERROR,
                    "the splitter failed unexpectedly: " + cause);
        } catch (CancellationException e) {
            throw new SplitAbandoned(documentId);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SplitAbandoned(documentId);
        }
    }

    @Override
    public void destroy() {
        closing = true;
        pool.shutdownNow();
    }
}
