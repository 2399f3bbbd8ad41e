package org.edm.parser.processing;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.edm.events.ProcessingStatus;
import org.springframework.stereotype.Component;

/**
 * The worker's meters. Pages per second is {@code rate(edm.parser.pages)} over wall time,
 * or {@code edm.parser.pages / edm.parser.split.duration(sum)} over parsing time;
 * consumer lag comes from the Kafka client metrics
 * ({@code kafka.consumer.fetch.manager.records.lag.max}).
 */
@Component
class ParserMetrics {

    private final MeterRegistry registry;

    private final Counter pages;

    private final Timer writeTimer;

    ParserMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.pages = Counter.builder("edm.parser.pages")
            .description("Pages of documents parsed to done")
            .baseUnit("pages")
            .register(registry);
        this.writeTimer = Timer.builder("edm.parser.write.duration")
            .description("Time of the final transaction of a document parsed to done (sections written)")
            .register(registry);
    }

    /**
     * @param splitTime from the claim to the split's end (waiting for a split slot
     * included)
     * @param writeTime the final transaction: sections, index maintenance, status, outbox
     * row, commit
     */
    void done(int pageCount, Duration splitTime, Duration writeTime) {
        documents(ProcessingStatus.DONE.value()).increment();
        pages.increment(pageCount);
        splitTimer(ProcessingStatus.DONE.value()).record(splitTime);
        writeTimer.record(writeTime);
    }

    void failed(String reason, Duration splitTime) {
        documents(ProcessingStatus.FAILED.value()).increment();
        Counter.builder("edm.parser.failures")
            .description("Documents that ended failed, by reason")
            .tag("reason", reason)
            .register(registry)
            .increment();
        splitTimer(ProcessingStatus.FAILED.value()).record(splitTime);
    }

    /**
     * An event that changed nothing: already applied, document gone or taken by another
     * worker.
     */
    void skipped(String why) {
        Counter.builder("edm.parser.skipped")
            .description("Events that did not need parsing")
            .tag("why", why)
            .register(registry)
            .increment();
    }

    private Counter documents(String status) {
        return Counter.builder("edm.parser.documents")
            .description("Documents parsed, by final status")
            .tag("status", status)
            .register(registry);
    }

    private Timer splitTimer(String status) {
        return Timer.builder("edm.parser.split.duration")
            .description("Time to split one document")
            .tag("status", status)
            .register(registry);
    }

}
