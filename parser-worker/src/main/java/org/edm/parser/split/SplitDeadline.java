package org.edm.parser.split;

/**
 * When a split must stop: its timeout passed, or its thread was interrupted (the caller
 * cancelled it). Every stage checks it in its loops ({@link #tick()}, a counter and every
 * 256th call the clock), so a cancelled split frees its thread within one loop step of
 * any stage, not only while glyphs are read. One instance serves one split.
 */
final class SplitDeadline {

    private static final int TICKS_PER_CHECK = 256;

    private final long deadlineNanos;

    private int ticks;

    private SplitDeadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    static SplitDeadline at(long deadlineNanos) {
        return new SplitDeadline(deadlineNanos);
    }

    /** No time limit; cancellation is still noticed. */
    static SplitDeadline none() {
        return new SplitDeadline(Long.MAX_VALUE);
    }

    /** A cheap check for the inside of a loop. */
    void tick() {
        if (++ticks % TICKS_PER_CHECK == 0) {
            check();
        }
    }

    /**
     * @throws Passed when the deadline has passed or the thread was interrupted
     */
    void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Passed("the split was cancelled");
        }
        if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
            throw new Passed("the split took too long");
        }
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /** Milliseconds left, at least 0; {@link Long#MAX_VALUE} without a limit. */
    long remainingMillis() {
        return deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE
                : Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    /**
     * Unchecked so that it leaves any stage's loop; {@link DocumentSplitter} turns it
     * into a timeout.
     */
    static final class Passed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Passed(String message) {
            super(message, null, false, false);
        }

    }

}
