package org.edm.ingest.upload;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Forgets Idempotency-Keys older than {@code edm.upload.idempotency-key-retention},
 * hourly, the first time a minute after start.
 */
@Component
@EnableScheduling
class IdempotencyKeyExpiry implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyExpiry.class);

    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

    private static final Duration INTERVAL = Duration.ofHours(1);

    private final IdempotencyKeys keys;

    IdempotencyKeyExpiry(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::run, INTERVAL, FIRST_RUN_AFTER));
    }

    void run() {
        try {
            int deleted = keys.deleteExpired();
            if (deleted > 0) {
                log.info("Forgot {} Idempotency-Keys older than {}", deleted, keys.retention());
            }
        }
        catch (RuntimeException e) {
            log.warn("Idempotency-Key expiry failed, retrying at the next run: {}", e.toString());
        }
    }

}
