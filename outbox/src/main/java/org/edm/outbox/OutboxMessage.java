package org.edm.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * One event to publish through the outbox.
 *
 * @param eventId the event's unique id; also the outbox row id, so appending the same
 * event twice fails
 * @param topic the Kafka topic to publish to
 * @param aggregateType what kind of thing the event is about, e.g. {@code document} (at
 * most 50 characters)
 * @param aggregateId the thing's id; the Kafka record key, and the unit of ordering:
 * events of one aggregate are published in the order they were appended
 * @param eventType the event's type, sent in the {@code edm-event-type} header (at most
 * 100 characters)
 * @param payload the event itself, published as its JSON serialization
 */
public record OutboxMessage(UUID eventId, String topic, String aggregateType, UUID aggregateId, String eventType,
        Object payload) {

    public OutboxMessage {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        requireText(topic, "topic", 255);
        requireText(aggregateType, "aggregateType", 50);
        requireText(eventType, "eventType", 100);
    }

    private static void requireText(String value, String name, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be 1 to " + maxLength + " characters: " + value);
        }
    }
}
