/**
 * parser-worker: consumes {@code documents.uploaded}, splits each PDF into sections
 * ({@code split}), writes them with the document's final status in one transaction
 * ({@code processing}) and publishes {@code documents.processed} through the
 * transactional outbox ({@code outbox}).
 */
@NullMarked
package org.edm.parser;

import org.jspecify.annotations.NullMarked;
