/**
 * The service's relation to Kafka beyond the outbox: the topics it publishes to, declared
 * at start-up. (The {@code kafka} health indicator comes with the outbox module, on the
 * service's one shared admin client.)
 */
@NullMarked
package org.edm.ingest.kafka;

import org.jspecify.annotations.NullMarked;
