/**
 * The worker's side of the transactional outbox ({@code org.edm:outbox}): the
 * {@code documents.processed} event is written to {@code outbox_events} in the
 * transaction that writes the document's result; the module's relay, running in this
 * application too, publishes it.
 */
@NullMarked
package org.edm.parser.outbox;

import org.jspecify.annotations.NullMarked;
