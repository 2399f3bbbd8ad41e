/**
 * The document after its upload: its row
 * ({@link org.edm.ingest.document.DocumentRepository}), its events
 * ({@link org.edm.ingest.document.DocumentEvents}), reading its status, deleting and
 * reprocessing it, and the sweeper that removes stored files no row refers to.
 */
@NullMarked
package org.edm.ingest.document;

import org.jspecify.annotations.NullMarked;
