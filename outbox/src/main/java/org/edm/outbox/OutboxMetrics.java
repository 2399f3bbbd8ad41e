package org.edm.outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;

/**
 * The relay's meters. The lag gauges show the last value the relay read (refreshed about
 * once per poll interval, also on instances that are not publishing); the oldest row
 * keeps ageing between refreshes.
 */
final class OutboxMetrics {

    private final MeterRegistry registry;

    private final AtomicLong unpublished = new AtomicLong();

    private final AtomicLong parked = new AtomicLong();

    private final AtomicLong oldestAgeMillisAtRefresh = new AtomicLong();

    private final AtomicLong refreshedAtNanos = new AtomicLong(System.nanoTime());

    private final AtomicBoolean publishing = new AtomicBoolean();

    private final Timer deliveryDelay;

    private final Counter cleaned;

    OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("edm.outbox.unpublished", unpublished, AtomicLong::get)
            .description("Outbox rows not yet acknowledged by Kafka, not counting parked rows")
            .baseUnit("rows")
            .register(registry);
        Gauge.builder("edm.outbox.parked", parked, AtomicLong::get)
            .description("Outbox rows parked after failures of their own; the later rows of their aggregate wait")
            .baseUnit("rows")
            .register(registry);
        TimeGauge
            .builder("edm.outbox.oldest.unpublished.age", this, TimeUnit.MILLISECONDS, OutboxMetrics::oldestAgeMillis)
            .description("Age of the oldest outbox row not yet acknowledged by Kafka (0 when none)")
            .register(registry);
        Gauge.builder("edm.outbox.relay.publishing", publishing, p -> p.get() ? 1 : 0)
            .description("1 when this instance's relay held the publishing lock in its last round")
            .register(registry);
        deliveryDelay = Timer.builder("edm.outbox.delivery.delay")
            .description("Time from an outbox row's creation to its acknowledgement by Kafka")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
        cleaned = Counter.builder("edm.outbox.cleaned")
            .description("Published and parked outbox rows deleted after their retention period")
            .baseUnit("rows")
            .register(registry);
    }

    void lagRefreshed(OutboxRepository.Lag lag) {
        unpublished.set(lag.unpublished());
        parked.set(lag.parked());
        oldestAgeMillisAtRefresh.set((long) (lag.oldestAgeSeconds() * 1000));
        refreshedAtNanos.set(System.nanoTime());
    }

    void publishingLock(boolean held) {
        publishing.set(held);
    }

    void published(String topic, Duration delay) {
        Counter.builder("edm.outbox.published")
            .description("Outbox rows acknowledged by Kafka")
            .tag("topic", topic)
            .register(registry)
            .increment();
        deliveryDelay.record(delay);
    }

    void failed(String topic, Throwable cause) {
        Counter.builder("edm.outbox.failures")
            .description("Failed sends of outbox rows (retried, or counted towards parking the row)")
            .tag("topic", topic)
            .tag("exception", cause.getClass().getSimpleName())
            .register(registry)
            .increment();
    }

    void cleaned(int rows) {
        cleaned.increment(rows);
    }

    private double oldestAgeMillis() {
        if (unpublished.get() == 0) {
            return 0;
        }
        return oldestAgeMillisAtRefresh.get() + (System.nanoTime() - refreshedAtNanos.get()) / 1_000_000.0;
    }

}
