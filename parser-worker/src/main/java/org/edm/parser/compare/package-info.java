/**
 * Versions: when a document ends {@code done}, its section keys are assigned and, when
 * its family (same title, case- and whitespace-insensitively) has an earlier {@code done}
 * version, it is compared with that predecessor (and its {@code done} successor, if any,
 * with it); the comparison is stored and announced on {@code documents.compared} through
 * the outbox. The diff itself is the pure {@code org.edm:versions} library; this package
 * wraps it in JDBC, and {@code compare.consume} in Kafka.
 */
@NullMarked
package org.edm.parser.compare;

import org.jspecify.annotations.NullMarked;
