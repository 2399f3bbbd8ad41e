package org.edm.parser.outbox;

import org.edm.events.DocumentProcessed;
import org.edm.events.Topics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the event as one row of {@code outbox_events} (id = event id, aggregate = the document, topic
 * {@value Topics#DOCUMENTS_PROCESSED}); the relay publishes it with the document id as key.
 */
@Component
class JdbcProcessedEventsOutbox implements ProcessedEventsOutbox {

    static final String AGGREGATE_TYPE = "document";

    private static final String INSERT = """
            INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, topic, payload)
            VALUES (:id, :aggregateType, :aggregateId, :eventType, :topic, CAST(:payload AS jsonb))
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcProcessedEventsOutbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(DocumentProcessed event) {
        jdbc.sql(INSERT)
                .param("id", event.eventId())
                .param("aggregateType", AGGREGATE_TYPE)
                .param("aggregateId", event.documentId())
                .param("eventType", event.type())
                .param("topic", Topics.DOCUMENTS_PROCESSED)
                .param("payload", json.writeValueAsString(event))
                .update();
    }
}
