/**
 * Real infrastructure inside a JVM, for machines without Docker: PostgreSQL and a KRaft
 * Kafka broker that can be stopped and started again on the same ports and data.
 */
@NullMarked
package org.edm.embedded;

import org.jspecify.annotations.NullMarked;
