package org.edm.parser.processing;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Finds documents stuck in {@code processing} (their worker crashed: no heartbeat for
 * {@code edm.parser.stale-after}) and parses them again in this instance, directly rather
 * than through a new event: the events contract has no "recovery" trigger, and direct
 * recovery works even while Kafka is unreachable. The result carries the stuck event's
 * id, so a late re-delivery of that event is recognised as applied. Several instances may
 * sweep at once: the stale claim lets only one of them take a document.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class StaleProcessingSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(StaleProcessingSweeper.class);

    private static final int BATCH = 10;

    private final DocumentRepository documents;

    private final DocumentProcessor processor;

    private final ParserSettings settings;

    StaleProcessingSweeper(DocumentRepository documents, DocumentProcessor processor, ParserSettings settings) {
        this.documents = documents;
        this.processor = processor;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, settings.sweepInterval());
    }

    void sweep() {
        try {
            for (DocumentRepository.StaleDocument stale : documents.findStale(settings.staleAfter(), BATCH)) {
                // A document claimed before processing_event_id existed has no event to
                // credit: give it one.
                UUID eventId = stale.eventId() != null ? stale.eventId() : UUID.randomUUID();
                try {
                    processor.recoverStale(stale.documentId(), eventId);
                }
                catch (RuntimeException e) {
                    log.warn("Recovering document {} failed, next sweep retries: {}", stale.documentId(), e.toString());
                }
            }
        }
        catch (DataAccessException e) {
            log.warn("Sweep for stale documents failed, next sweep retries: {}", e.getMessage());
        }
    }

}
