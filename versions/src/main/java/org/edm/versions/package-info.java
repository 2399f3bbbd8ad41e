/**
 * Versions of a specification: the family a title belongs to ({@link Families}), the
 * natural order of version strings ({@link VersionOrder}), and the section-level
 * comparison of two versions ({@link VersionComparer}) with stable section keys
 * ({@link SectionKeys}). A pure library: lists of {@link Section}s in, a
 * {@link Comparison} out; no Spring, no database, no PDF.
 */
@NullMarked
package org.edm.versions;

import org.jspecify.annotations.NullMarked;
