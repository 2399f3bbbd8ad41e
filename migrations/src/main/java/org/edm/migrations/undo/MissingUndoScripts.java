package org.edm.migrations.undo;

import java.util.List;

import org.edm.migrations.CommandRefused;

/**
 * A downgrade needs undo scripts that do not exist; it was refused before anything
 * changed.
 */
public final class MissingUndoScripts extends CommandRefused {

    MissingUndoScripts(List<String> missing, String location) {
        super("missing undo script" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + " in "
                + location + "; nothing was changed");
    }

}
