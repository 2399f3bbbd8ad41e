/**
 * ingest-service: the HTTP drop for exchange specifications. Features: {@code upload}
 * (POST /api/documents), {@code document} (status, delete, reprocess, orphan sweep),
 * {@code storage} (where the PDFs live), {@code kafka} (topics, health), {@code web}
 * (problem details). Events leave through the {@code outbox} module.
 */
@NullMarked
package org.edm.ingest;

import org.jspecify.annotations.NullMarked;
