package org.edm.parser.processing;

import java.nio.file.Path;

import org.edm.parser.split.SplitFailed;
import org.edm.parser.split.SplitResult;

/**
 * The splitter as the worker sees it: a file in, sections out (see
 * {@code org.edm.parser.split.DocumentSplitter}).
 */
@FunctionalInterface
interface PdfSplitter {

    SplitResult split(Path pdf) throws SplitFailed;

}
