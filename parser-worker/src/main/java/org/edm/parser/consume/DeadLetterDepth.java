package org.edm.parser.consume;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.edm.events.Topics;
import org.edm.outbox.KafkaCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Gauge {@code edm.parser.dead.letters}: records held by
 * {@value Topics#DOCUMENTS_UPLOADED_DEAD_LETTER} (nobody consumes it, so end offsets
 * minus log start offsets), read every {@value #REFRESH_SECONDS} seconds through the
 * service's shared Kafka admin client; -1 until the first answer. A growing value means
 * uploads that the parser gave up on; ingest-service announces such documents again once
 * they stayed pending long enough.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DeadLetterDepth implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDepth.class);

    private static final long REFRESH_SECONDS = 30;

    private final KafkaCluster cluster;

    private final AtomicLong depth = new AtomicLong(-1);

    DeadLetterDepth(KafkaCluster cluster, MeterRegistry registry) {
        this.cluster = cluster;
        Gauge.builder("edm.parser.dead.letters", depth, AtomicLong::get)
            .description("Records in " + Topics.DOCUMENTS_UPLOADED_DEAD_LETTER + " (-1 until Kafka answered)")
            .baseUnit("records")
            .register(registry);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::refresh, Duration.ofSeconds(REFRESH_SECONDS));
    }

    void refresh() {
        try {
            depth.set(cluster.recordCount(Topics.DOCUMENTS_UPLOADED_DEAD_LETTER));
        }
        catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("Dead-letter depth not refreshed: {}", e.toString());
        }
    }

    long depth() {
        return depth.get();
    }

}
