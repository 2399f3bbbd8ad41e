/**
 * Transactional outbox shared by the services that publish events.
 * <p>
 * {@link org.edm.outbox.OutboxWriter} appends an event row to {@code outbox_events}
 * inside the caller's transaction, so the business change and its event commit or roll
 * back together. The relay (auto-configured, {@code edm.outbox.*}) publishes unpublished
 * rows to Kafka in {@code sequence_no} order, keyed by aggregate id, waits for the
 * broker's acknowledgement, then marks them published. Delivery is at least once: a crash
 * between the acknowledgement and the commit publishes the row again, so consumers drop
 * repeated event ids.
 */
@NullMarked
package org.edm.outbox;

import org.jspecify.annotations.NullMarked;
