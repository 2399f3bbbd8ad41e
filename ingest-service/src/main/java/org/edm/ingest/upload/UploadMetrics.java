package org.edm.ingest.upload;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Meters of accepted uploads; rejected ones are counted by the problem advice
 * ({@code edm.uploads.rejected}).
 */
@Component
class UploadMetrics {

    private final MeterRegistry registry;

    private final DistributionSummary bytes;

    UploadMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.bytes = DistributionSummary.builder("edm.uploads.bytes")
            .description("Size of newly stored PDFs")
            .baseUnit("bytes")
            .register(registry);
    }

    void accepted(UploadResult result, Duration took) {
        String outcome = result.outcome().tag();
        Counter.builder("edm.uploads")
            .description("Accepted uploads, by outcome (created, duplicate, replayed)")
            .tag("outcome", outcome)
            .register(registry)
            .increment();
        Timer.builder("edm.uploads.duration")
            .description("Time to stage, check and commit an upload once received")
            .tag("outcome", outcome)
            .register(registry)
            .record(took);
        if (result.outcome() == UploadResult.Outcome.CREATED) {
            bytes.record(result.document().sizeBytes());
        }
    }

}
