package org.edm.ingest.document;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.edm.ingest.storage.DocumentStorage;
import org.edm.ingest.storage.StorageKeys;
import org.edm.ingest.storage.StorageSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes what a crash can leave in the storage: staged uploads never promoted, and
 * stored files whose document row does not exist (promoted by an upload whose transaction
 * then failed, or left by a delete before the file was removed). Only files older than
 * {@code edm.storage.orphan-grace} are touched, so a running upload is never raced; files
 * whose name is not a document key are left alone. Safe to run on several instances at
 * once. Runs every {@code edm.storage.sweep-interval}, the first time a minute after
 * start (or after one interval if shorter).
 */
@Component
@EnableScheduling
class OrphanFileSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OrphanFileSweeper.class);

    private static final int CHUNK = 500;

    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

    private final DocumentStorage storage;

    private final DocumentRepository documents;

    private final StorageSettings settings;

    private final Clock clock;

    private final MeterRegistry meters;

    OrphanFileSweeper(DocumentStorage storage, DocumentRepository documents, StorageSettings settings, Clock clock,
            MeterRegistry meters) {
        this.storage = storage;
        this.documents = documents;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration interval = settings.sweepInterval();
        registrar.addFixedDelayTask(new FixedDelayTask(this::sweep, interval,
                FIRST_RUN_AFTER.compareTo(interval) < 0 ? FIRST_RUN_AFTER : interval));
    }

    /** One sweep; returns how many files it deleted. */
    int sweep() {
        Instant cutoff = clock.instant().minus(settings.orphanGrace());
        try {
            int staged = storage.purgeStagedBefore(cutoff);
            int orphans = 0;
            List<String> keys = storage.keysModifiedBefore(cutoff);
            for (int from = 0; from < keys.size(); from += CHUNK) {
                orphans += deleteOrphans(keys.subList(from, Math.min(keys.size(), from + CHUNK)));
            }
            if (staged + orphans > 0) {
                meters.counter("edm.storage.orphans.deleted").increment(staged + orphans);
                log.info("Orphan sweep deleted {} staged and {} unreferenced files", staged, orphans);
            }
            return staged + orphans;
        }
        catch (IOException | RuntimeException e) {
            log.warn("Orphan sweep failed, retrying at the next run: {}", e.toString());
            return 0;
        }
    }

    private int deleteOrphans(List<String> keys) throws IOException {
        Map<UUID, String> keyById = new HashMap<>();
        keys.forEach(key -> StorageKeys.documentIdOf(key).ifPresent(id -> keyById.put(id, key)));
        Set<UUID> referenced = documents.existingIds(keyById.keySet());
        int deleted = 0;
        for (var entry : keyById.entrySet()) {
            if (!referenced.contains(entry.getKey()) && storage.delete(entry.getValue())) {
                log.info("Deleted orphan file {} (no document row)", entry.getValue());
                deleted++;
            }
        }
        return deleted;
    }

}
