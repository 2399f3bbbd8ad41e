package org.edm.parser.split;

import org.jspecify.annotations.Nullable;

/**
 * A line that may be a heading: its flat index, its numbering when it has one, its score
 * in the numbered-sequence search and whether it stands out from the body text.
 */
record HeadingCandidate(int index, TextLine line, @Nullable Numbering numbering, float score, boolean styled) {
}
