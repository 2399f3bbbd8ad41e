package org.edm.parser.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/splitPool} and the gauges {@code edm.parser.split.busy},
 * {@code .overdue}, {@code .waiting}. Overdue split threads (cancelled at their deadline
 * but stuck where no check reaches) hold their slots: the component is {@code UP} with
 * the counts while some slot can still free up, {@code DOWN} when every slot is held by
 * an overdue thread, since this instance then parses nothing until they end or it is
 * restarted.
 */
@Component("splitPool")
class SplitPoolHealth extends AbstractHealthIndicator {

    private final BoundedSplitter splitter;

    SplitPoolHealth(BoundedSplitter splitter, MeterRegistry registry) {
        super("Split pool health check failed");
        this.splitter = splitter;
        Gauge.builder("edm.parser.split.busy", splitter, BoundedSplitter::busy)
            .description("Split threads running, overdue ones included")
            .register(registry);
        Gauge.builder("edm.parser.split.overdue", splitter, BoundedSplitter::overdue)
            .description("Split threads still running past their deadline")
            .register(registry);
        Gauge.builder("edm.parser.split.waiting", splitter, BoundedSplitter::waiting)
            .description("Documents waiting for a free split thread")
            .register(registry);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        int overdue = splitter.overdue();
        (overdue >= splitter.slots() ? builder.down() : builder.up()).withDetail("slots", splitter.slots())
            .withDetail("busy", splitter.busy())
            .withDetail("overdue", overdue)
            .withDetail("waiting", splitter.waiting());
    }

}
