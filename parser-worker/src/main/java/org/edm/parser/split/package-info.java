/**
 * The splitter: a pure library that turns one PDF file into ordered, hierarchical
 * sections.
 *
 * <p>
 * {@link org.edm.parser.split.DocumentSplitter} is the entry point: a file path in, a
 * {@link org.edm.parser.split.SplitResult} (document information and sections in reading
 * order) out, or a {@link org.edm.parser.split.SplitFailed} with a machine-readable
 * {@link org.edm.events.FailureReason} (the published vocabulary; the splitter's own
 * reasons are those about the PDF: not a PDF, encrypted, damaged, no text, too large,
 * timeout). The package depends on PDFBox, tess4j (OCR of scanned pages), JSpecify, the
 * JDK and that one enum of the events module only: no Spring, no database, no Kafka.
 */
@NullMarked
package org.edm.parser.split;

import org.jspecify.annotations.NullMarked;
