/**
 * The {@code documents.processed} consumer of the versions feature (group
 * {@code parser-worker-compare}): reads each event and hands it to
 * {@link org.edm.parser.compare.VersionComparisons}.
 */
@NullMarked
package org.edm.parser.compare.consume;

import org.jspecify.annotations.NullMarked;
