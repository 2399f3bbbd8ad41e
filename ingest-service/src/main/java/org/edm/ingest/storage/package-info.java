/**
 * Where uploaded PDFs live: {@link org.edm.ingest.storage.DocumentStorage} and its local
 * file-system implementation. Knows nothing about documents rows, HTTP or Kafka.
 */
@NullMarked
package org.edm.ingest.storage;

import org.jspecify.annotations.NullMarked;
