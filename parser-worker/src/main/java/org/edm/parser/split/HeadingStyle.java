package org.edm.parser.split;

import java.util.Comparator;

/** A text style: size to the half point and weight. */
record HeadingStyle(float size, boolean bold) {

    /** Most prominent first: larger, then bold. */
    static final Comparator<HeadingStyle> PROMINENCE = Comparator
        .comparing(HeadingStyle::size, Comparator.reverseOrder())
        .thenComparing(HeadingStyle::bold, Comparator.reverseOrder());

    static HeadingStyle of(TextLine line) {
        return new HeadingStyle(Math.round(line.fontSize() * 2) / 2f, line.bold());
    }
}
