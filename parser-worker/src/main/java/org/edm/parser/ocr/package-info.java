/**
 * Settings of the OCR of scanned pages ({@code edm.parser.ocr.*}); the OCR itself is in
 * the splitter.
 */
@NullMarked
package org.edm.parser.ocr;

import org.jspecify.annotations.NullMarked;
