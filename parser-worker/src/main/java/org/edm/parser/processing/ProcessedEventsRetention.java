package org.edm.parser.processing;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Deletes {@code processed_events} entries older than
 * {@code edm.parser.processed-events.retention}, in chunks (index
 * {@code idx_processed_events_processed_at}), every {@code cleanup-interval}. This
 * service writes the table, so it keeps it bounded.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ProcessedEventsRetention implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsRetention.class);

    private static final int CHUNK = 10_000;

    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

    private static final String DELETE_OLDER_THAN = """
            DELETE FROM processed_events
            WHERE ctid IN (SELECT ctid
                           FROM processed_events
                           WHERE processed_at < localtimestamp - make_interval(secs => :retentionSeconds)
                           LIMIT :limit)
            """;

    private final JdbcClient jdbc;

    private final ProcessedEventsSettings settings;

    ProcessedEventsRetention(JdbcClient jdbc, ProcessedEventsSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration interval = settings.cleanupInterval();
        registrar.addFixedDelayTask(new FixedDelayTask(this::run, interval,
                FIRST_RUN_AFTER.compareTo(interval) < 0 ? FIRST_RUN_AFTER : interval));
    }

    /** One cleanup; returns the number of entries deleted. */
    int run() {
        int total = 0;
        try {
            int deleted;
            do {
                deleted = jdbc.sql(DELETE_OLDER_THAN)
                    .param("retentionSeconds", (double) settings.retention().toSeconds())
                    .param("limit", CHUNK)
                    .update();
                total += deleted;
            }
            while (deleted == CHUNK);
        }
        catch (DataAccessException e) {
            log.warn("Cleanup of processed_events failed, retrying at the next run: {}", e.getMessage());
        }
        if (total > 0) {
            log.info("Deleted {} processed_events entries older than {}", total, settings.retention());
        }
        return total;
    }

}
