package org.edm.ingest;

import java.time.Duration;

import org.edm.ingest.document.OrphanFileSweeper;
import org.edm.ingest.document.PendingDocumentSweeper;
import org.edm.ingest.storage.StorageSettings;
import org.edm.ingest.upload.IdempotencyKeyExpiry;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Periodic work: orphaned files ({@code edm.storage.sweep-interval}), expired idempotency keys (hourly), and
 * documents left {@code pending} announced again ({@code edm.pending-recovery.interval}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class HousekeepingConfiguration implements SchedulingConfigurer {

    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);
    private static final Duration KEY_EXPIRY_INTERVAL = Duration.ofHours(1);

    private final OrphanFileSweeper sweeper;
    private final IdempotencyKeyExpiry keyExpiry;
    private final StorageSettings storage;
    private final PendingDocumentSweeper pendingSweeper;

    HousekeepingConfiguration(OrphanFileSweeper sweeper, IdempotencyKeyExpiry keyExpiry, StorageSettings storage,
            PendingDocumentSweeper pendingSweeper) {
        this.sweeper = sweeper;
        this.keyExpiry = keyExpiry;
        this.storage = storage;
        this.pendingSweeper = pendingSweeper;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration sweepInterval = storage.sweepInterval();
        registrar.addFixedDelayTask(new FixedDelayTask(sweeper::sweep, sweepInterval,
                FIRST_RUN_AFTER.compareTo(sweepInterval) < 0 ? FIRST_RUN_AFTER : sweepInterval));
        registrar.addFixedDelayTask(new FixedDelayTask(keyExpiry::run, KEY_EXPIRY_INTERVAL, FIRST_RUN_AFTER));
        Duration recoveryInterval = pendingSweeper.settings().interval();
        registrar.addFixedDelayTask(new FixedDelayTask(pendingSweeper::sweep, recoveryInterval,
                FIRST_RUN_AFTER.compareTo(recoveryInterval) < 0 ? FIRST_RUN_AFTER : recoveryInterval));
    }
}
