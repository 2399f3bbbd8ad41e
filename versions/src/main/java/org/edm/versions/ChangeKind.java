package org.edm.versions;

import java.util.Locale;

/** How a section differs between two versions. */
public enum ChangeKind {

    /** Same title and text, in the same place. */
    UNCHANGED,
    /** Its text differs (word-level hunks say how); its title may differ too. */
    CHANGED,
    /** Only in the newer version. */
    ADDED,
    /** Only in the older version. */
    REMOVED,
    /** Same title and text, under another parent or out of order among its siblings. */
    MOVED,
    /** Same text, another title (section numbers aside). */
    RENAMED;

    /** The lower-case name used in storage, events and the API, e.g. {@code changed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChangeKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

}
