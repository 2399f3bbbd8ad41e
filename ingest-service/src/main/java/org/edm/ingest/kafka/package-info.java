/**
 * The service's relation to Kafka beyond the outbox: the topics it publishes to, declared at start-up, and the
 * {@code kafka} health indicator.
 */
@NullMarked
package org.edm.ingest.kafka;

import org.jspecify.annotations.NullMarked;
