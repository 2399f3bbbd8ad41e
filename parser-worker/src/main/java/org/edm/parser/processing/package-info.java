/**
 * The document status machine around the splitter: claim a document
 * ({@code pending -> processing}), split it within a time and memory bound, then write
 * sections, final status, processed-event record and the {@code documents.processed}
 * outbox row in one transaction; plus recovery of documents stuck in {@code processing}.
 */
@NullMarked
package org.edm.parser.processing;

import org.jspecify.annotations.NullMarked;
