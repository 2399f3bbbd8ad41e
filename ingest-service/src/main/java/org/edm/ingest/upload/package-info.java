/**
 * {@code POST /api/documents}: validating an upload, checking its content is a PDF,
 * staging it, recognising duplicates and client retries, and committing the document row
 * with its {@code DocumentUploaded} event.
 */
@NullMarked
package org.edm.ingest.upload;

import org.jspecify.annotations.NullMarked;
