package org.edm.parser.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.edm.events.FailureReason;
import org.edm.parser.split.PdfInfo;
import org.edm.parser.split.SplitFailed;
import org.edm.parser.split.SplitResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

class BoundedSplitterTest {

    private static final Path PDF = Path.of("any.pdf");

    private static final UUID DOCUMENT = UUID.randomUUID();

    private static final SplitResult RESULT = new SplitResult(
            new PdfInfo(1, null, null, null, null, null, null, false, false, PdfInfo.LAYOUT), List.of());

    private final CountDownLatch release = new CountDownLatch(1);

    private BoundedSplitter splitter;

    @AfterEach
    void stop() {
        release.countDown();
        if (splitter != null) {
            splitter.destroy();
        }
    }

    @Test
    void returnsTheSplittersResult() {
        splitter = new BoundedSplitter(pdf -> RESULT, settings(Duration.ofSeconds(5), 1));

        assertThat(splitter.split(PDF, DOCUMENT, () -> true)).isEqualTo(new SplitOutcome.Split(RESULT));
    }

    @Test
    void splitFailedBecomesAFailureWithItsReason() {
        splitter = new BoundedSplitter(pdf -> {
            throw new SplitFailed(FailureReason.ENCRYPTED, "needs a password");
        }, settings(Duration.ofSeconds(5), 1));

        assertThat(splitter.split(PDF, DOCUMENT, () -> true))
            .isEqualTo(new SplitOutcome.Failed(FailureReason.ENCRYPTED, "needs a password"));
    }

    @Test
    void anUnexpectedExceptionBecomesAProcessingError() {
        splitter = new BoundedSplitter(pdf -> {
            throw new IllegalStateException("bug");
        }, settings(Duration.ofSeconds(5), 1));

        SplitOutcome outcome = splitter.split(PDF, DOCUMENT, () -> true);

        assertThat(outcome).isInstanceOf(SplitOutcome.Failed.class);
        assertThat(((SplitOutcome.Failed) outcome).reason()).isEqualTo(FailureReason.PROCESSING_ERROR);
    }

    @Test
    void aSplitThatNeverEndsIsCancelledAtTheTimeoutAndHeartbeatsMeanwhile() {
        var interrupted = new CountDownLatch(1);
        splitter = new BoundedSplitter(pdf -> {
            try {
                release.await();
            }
            catch (InterruptedException e) {
                interrupted.countDown();
            }
            return RESULT;
        }, settings(Duration.ofMillis(600), 1));
        var heartbeats = new AtomicInteger();

        long started = System.nanoTime();
        SplitOutcome outcome = splitter.split(PDF, DOCUMENT, () -> heartbeats.incrementAndGet() > 0);

        assertThat(outcome).isInstanceOf(SplitOutcome.Failed.class);
        assertThat(((SplitOutcome.Failed) outcome).reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(heartbeats.get()).as("heartbeats every 100 ms while waiting").isGreaterThanOrEqualTo(3);
        assertThat(awaitQuietly(interrupted)).as("the split thread was interrupted").isTrue();
    }

    @Test
    void aSplitThatFinishedWhileTheHeartbeatWasBlockedIsAResultNotATimeout() {
        // given: a split well inside the timeout, and a heartbeat that blocks longer than
        // the whole timeout (the database down: the claim refresh waits for a connection)
        splitter = new BoundedSplitter(pdf -> {
            sleepQuietly(Duration.ofMillis(300));
            return RESULT;
        }, settings(Duration.ofMillis(600), 1));
        var heartbeats = new AtomicInteger();

        // when
        SplitOutcome outcome = splitter.split(PDF, DOCUMENT, () -> {
            if (heartbeats.incrementAndGet() == 1) {
                sleepQuietly(Duration.ofMillis(1500));
            }
            return true;
        });

        // then: the split's result, not a timeout for the time the heartbeat took
        assertThat(heartbeats.get()).as("the heartbeat ran (and blocked) while the split was running").isPositive();
        assertThat(outcome).isEqualTo(new SplitOutcome.Split(RESULT));
    }

    @Test
    void aLostClaimCancelsTheSplit() {
        splitter = new BoundedSplitter(pdf -> {
            awaitQuietly(release);
            return RESULT;
        }, settings(Duration.ofSeconds(30), 1));

        assertThatThrownBy(() -> splitter.split(PDF, DOCUMENT, () -> false)).isInstanceOf(ClaimLost.class);
    }

    @Test
    void aFullPoolMakesTheNextSplitWaitForAFreeSlotAndHeartbeatMeanwhile() throws Exception {
        // given: the only split thread is busy
        occupyTheOnlySlot(Duration.ofSeconds(30));

        // when: a second document arrives; it waits (heartbeating) until the first split
        // ends
        var heartbeats = new AtomicInteger();
        var second = CompletableFuture
            .supplyAsync(() -> splitter.split(PDF, UUID.randomUUID(), () -> heartbeats.incrementAndGet() > 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> splitter.waiting() == 1 && heartbeats.get() >= 2);
        assertThat(second).isNotDone();
        release.countDown();

        // then
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(new SplitOutcome.Split(RESULT));
    }

    @Test
    void aFullPoolRejectsOnlyAfterTheSlotWait() throws Exception {
        occupyTheOnlySlot(Duration.ofMillis(500));

        long waited = System.nanoTime();
        assertThatThrownBy(() -> splitter.split(PDF, DOCUMENT, () -> true))
            .isInstanceOf(RejectedExecutionException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - waited)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void aSlotFreedWhileTheHeartbeatWasBlockedPastTheSlotWaitIsTakenNotRejected() throws Exception {
        // given: the only split thread is busy
        AtomicInteger calls = occupyTheOnlySlot(Duration.ofMillis(500));

        // when: the waiting document's heartbeat blocks past the whole slot wait (the
        // database down), and the busy split ends meanwhile
        SplitOutcome outcome = splitter.split(PDF, UUID.randomUUID(), () -> {
            release.countDown();
            sleepQuietly(Duration.ofMillis(1000));
            return true;
        });

        // then: the freed slot was taken; no rejection for the time the heartbeat took
        assertThat(outcome).isEqualTo(new SplitOutcome.Split(RESULT));
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void aSplitThreadThatIgnoresCancellationIsCountedOverdueAndKeepsItsSlot() {
        // given: a split stuck where no check reaches (it ignores interrupts)
        splitter = new BoundedSplitter(pdf -> {
            while (release.getCount() > 0) {
                try {
                    release.await();
                }
                catch (InterruptedException ignored) {
                    // stuck in code that swallows the interrupt
                }
            }
            return RESULT;
        }, settings(Duration.ofMillis(300), 1, Duration.ofMillis(300)));

        // when
        SplitOutcome outcome = splitter.split(PDF, DOCUMENT, () -> true);

        // then: the caller got its timeout, the thread is overdue and still holds the
        // only slot
        assertThat(((SplitOutcome.Failed) outcome).reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(splitter.overdue()).isEqualTo(1);
        assertThat(splitter.busy()).isEqualTo(1);
        assertThatThrownBy(() -> splitter.split(PDF, DOCUMENT, () -> true))
            .isInstanceOf(RejectedExecutionException.class);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> splitter.overdue() == 0 && splitter.busy() == 0);
    }

    @Test
    void aSplitInterruptedByShutdownIsAbandonedNotReportedAsAFailure() throws Exception {
        // given: PDFBox reports the interrupt of a stopping worker as an unreadable file
        var started = new CountDownLatch(1);
        splitter = new BoundedSplitter(pdf -> {
            started.countDown();
            try {
                release.await();
            }
            catch (InterruptedException e) {
                throw new SplitFailed(FailureReason.DAMAGED, "ClosedByInterruptException");
            }
            return RESULT;
        }, settings(Duration.ofSeconds(30), 1));
        BoundedSplitter stopping = splitter;
        new Thread(() -> {
            awaitQuietly(started);
            stopping.destroy();
        }).start();

        // when / then
        assertThatThrownBy(() -> splitter.split(PDF, DOCUMENT, () -> true)).isInstanceOf(SplitAbandoned.class)
            .isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void aWaitingInteractiveSplitGoesBeforeABulkOneThatWaitedLonger() throws Exception {
        // given: the one slot busy, a bulk document waiting for it, then an interactive
        // one
        Path busy = Path.of("busy.pdf");
        Path bulk = Path.of("bulk.pdf");
        Path interactive = Path.of("interactive.pdf");
        List<Path> started = new CopyOnWriteArrayList<>();
        splitter = new BoundedSplitter(recordingAndHolding(busy, started), settings(Duration.ofSeconds(30), 1));
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            Future<SplitOutcome> first = callers.submit(() -> splitter.split(busy, DOCUMENT, () -> true));
            await().atMost(Duration.ofSeconds(10)).until(() -> started.contains(busy));
            Future<SplitOutcome> bulkSplit = callers
                .submit(() -> splitter.split(bulk, DOCUMENT, () -> true, WorkPriority.BULK));
            await().atMost(Duration.ofSeconds(10)).until(() -> splitter.waiting() == 1);
            Future<SplitOutcome> interactiveSplit = callers
                .submit(() -> splitter.split(interactive, DOCUMENT, () -> true, WorkPriority.INTERACTIVE));
            await().atMost(Duration.ofSeconds(10)).until(() -> splitter.waiting() == 2);

            // when: the slot frees up
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            interactiveSplit.get(10, TimeUnit.SECONDS);
            bulkSplit.get(10, TimeUnit.SECONDS);

            // then: the interactive document was split first
            assertThat(started).containsExactly(busy, interactive, bulk);
        }
        finally {
            callers.shutdownNow();
        }
    }

    @Test
    void anInteractiveSplitStartsOnTheReservedSlotWhileBulkSplitsHoldTheOthersAndBulkNeverTakesIt() throws Exception {
        // given: one shared slot and one reserved for interactive work; a long bulk split
        // (a scanned document under OCR, say) holds the shared one
        Path longBulk = Path.of("long-bulk.pdf");
        Path nextBulk = Path.of("next-bulk.pdf");
        Path interactive = Path.of("interactive.pdf");
        List<Path> started = new CopyOnWriteArrayList<>();
        splitter = new BoundedSplitter(recordingAndHolding(longBulk, started),
                settings(Duration.ofSeconds(30), 1, Duration.ofSeconds(30), 1));
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            Future<SplitOutcome> first = callers
                .submit(() -> splitter.split(longBulk, DOCUMENT, () -> true, WorkPriority.BULK));
            await().atMost(Duration.ofSeconds(10)).until(() -> started.contains(longBulk));

            // when: another bulk document and then an interactive one arrive
            Future<SplitOutcome> bulkSplit = callers
                .submit(() -> splitter.split(nextBulk, DOCUMENT, () -> true, WorkPriority.BULK));
            await().atMost(Duration.ofSeconds(10)).until(() -> splitter.waiting() == 1);
            Future<SplitOutcome> interactiveSplit = callers
                .submit(() -> splitter.split(interactive, DOCUMENT, () -> true, WorkPriority.INTERACTIVE));

            // then: the interactive one is split at once, while the long bulk split still
            // runs; the second bulk one waited for the shared slot, not the reserved one
            assertThat(interactiveSplit.get(10, TimeUnit.SECONDS)).isEqualTo(new SplitOutcome.Split(RESULT));
            assertThat(first).isNotDone();
            assertThat(bulkSplit).isNotDone();
            assertThat(started).containsExactly(longBulk, interactive);
            assertThat(splitter.slots()).isEqualTo(2);
            release.countDown();
            bulkSplit.get(10, TimeUnit.SECONDS);
            assertThat(started).containsExactly(longBulk, interactive, nextBulk);
        }
        finally {
            callers.shutdownNow();
        }
    }

    @Test
    void bulkDocumentsAreSplitOnThreadsAtTheBulkNiceValueAndInteractiveOnesAtTheWorkersOwn() throws Exception {
        assumeTrue(ThreadNiceness.currentThread().isPresent(), "threads have no nice value of their own here");
        // given: bulk split threads at nice 7
        int workerNice = ThreadNiceness.currentThread().getAsInt();
        Map<Path, Integer> nice = new ConcurrentHashMap<>();
        splitter = new BoundedSplitter(pdf -> {
            nice.put(pdf, ThreadNiceness.currentThread().orElse(-100));
            return RESULT;
        }, new ParserSettings(DataSize.ofMegabytes(1), 100, Duration.ofSeconds(30), 2, Duration.ofMillis(300),
                Duration.ofSeconds(1), 1_000_000, 3, Duration.ofSeconds(30), 1, 7));

        // when: one bulk and two interactive documents, one after another
        splitter.split(Path.of("bulk.pdf"), DOCUMENT, () -> true, WorkPriority.BULK);
        splitter.split(Path.of("interactive.pdf"), DOCUMENT, () -> true, WorkPriority.INTERACTIVE);
        splitter.split(Path.of("bulk-again.pdf"), DOCUMENT, () -> true, WorkPriority.BULK);

        // then: the scheduler gives bulk work what is left
        assertThat(nice).containsEntry(Path.of("bulk.pdf"), Math.max(7, workerNice))
            .containsEntry(Path.of("bulk-again.pdf"), Math.max(7, workerNice))
            .containsEntry(Path.of("interactive.pdf"), workerNice);
    }

    @Test
    void pdfboxLogsAtMostItsBudgetPerDocumentThenOneLineThatTheRestWereSuppressed() {
        // given: a document whose PDFBox complaints never end (a fuzzed file logs one per
        // bad character)
        ch.qos.logback.classic.Logger pdfbox = (ch.qos.logback.classic.Logger) LoggerFactory
            .getLogger("org.apache.pdfbox.filter.ASCIIHexFilter");
        ch.qos.logback.classic.Logger budget = (ch.qos.logback.classic.Logger) LoggerFactory
            .getLogger(PdfBoxLogBudget.class);
        var logged = new ListAppender<ILoggingEvent>();
        logged.start();
        pdfbox.addAppender(logged);
        budget.addAppender(logged);
        try {
            splitter = new BoundedSplitter(pdf -> {
                for (int i = 0; i < 1_000; i++) {
                    pdfbox.error("Invalid hex, int: {}", i);
                }
                return RESULT;
            }, settings(Duration.ofSeconds(30), 1));

            // when: two such documents, one after the other on the same split thread
            splitter.split(Path.of("fuzzed.pdf"), DOCUMENT, () -> true);
            splitter.split(Path.of("fuzzed-again.pdf"), DOCUMENT, () -> true);

            // then: each gets its budget and one line saying so, nothing more
            assertThat(logged.list).filteredOn(event -> event.getLoggerName().equals(pdfbox.getName()))
                .hasSize(2 * PdfBoxLogBudget.PER_DOCUMENT);
            assertThat(logged.list).filteredOn(event -> event.getLoggerName().equals(budget.getName()))
                .hasSize(2)
                .allSatisfy(event -> assertThat(event.getFormattedMessage()).contains("the rest are suppressed"));
        }
        finally {
            pdfbox.detachAppender(logged);
            budget.detachAppender(logged);
        }
    }

    /**
     * A splitter that records each file as it starts and holds {@code held} until
     * {@link #release} opens.
     */
    private PdfSplitter recordingAndHolding(Path held, List<Path> started) {
        return pdf -> {
            started.add(pdf);
            if (pdf.equals(held)) {
                awaitQuietly(release);
            }
            return RESULT;
        };
    }

    /** Stale after 300 ms, so the claim is refreshed every 100 ms. */
    private static ParserSettings settings(Duration timeout, int threads) {
        return settings(timeout, threads, Duration.ofSeconds(30));
    }

    /** Without the interactive reserve, unless a test asks for it. */
    private static ParserSettings settings(Duration timeout, int threads, Duration slotWait) {
        return settings(timeout, threads, slotWait, 0);
    }

    private static ParserSettings settings(Duration timeout, int threads, Duration slotWait, int reserved) {
        return new ParserSettings(DataSize.ofMegabytes(1), 100, timeout, threads, Duration.ofMillis(300),
                Duration.ofSeconds(1), 1_000_000, 3, slotWait, reserved, 0);
    }

    /**
     * A splitter with one slot and this slot wait, whose first split holds the slot until
     * {@link #release}; returns the count of the splitter's calls.
     */
    private AtomicInteger occupyTheOnlySlot(Duration slotWait) throws InterruptedException {
        var started = new CountDownLatch(1);
        var calls = new AtomicInteger();
        splitter = new BoundedSplitter(pdf -> {
            if (calls.incrementAndGet() == 1) {
                started.countDown();
                awaitQuietly(release);
            }
            return RESULT;
        }, settings(Duration.ofSeconds(30), 1, slotWait));
        Thread busy = new Thread(() -> splitter.split(PDF, DOCUMENT, () -> true));
        busy.setDaemon(true);
        busy.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).as("the first split started").isTrue();
        return calls;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
