package org.edm.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets the writer wake this instance's relay when new rows were committed; other
 * instances find them by polling.
 */
final class OutboxSignal {

    private final Semaphore committed = new Semaphore(0);

    void eventsCommitted() {
        if (committed.availablePermits() == 0) {
            committed.release();
        }
    }

    /**
     * Waits until events were committed or the timeout passed; returns whether events
     * were committed.
     */
    boolean await(Duration timeout) throws InterruptedException {
        boolean signalled = committed.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        committed.drainPermits();
        return signalled;
    }

}
