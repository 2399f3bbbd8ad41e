/**
 * The Kafka side: the {@code documents.uploaded} listener (consumer group
 * {@code parser-worker}), its error handling (back-off for transient errors, dead-letter
 * topic for what keeps failing and for poison messages) and the Kafka health indicator.
 */
@NullMarked
package org.edm.parser.consume;

import org.jspecify.annotations.NullMarked;
