/**
 * The S3-compatible object store that ingest-service writes PDFs to and parser-worker
 * reads them from when {@code edm.storage.type=s3}: its settings and its client, so that
 * both services address the same bucket the same way.
 */
@NullMarked
package org.edm.objectstore;

import org.jspecify.annotations.NullMarked;
