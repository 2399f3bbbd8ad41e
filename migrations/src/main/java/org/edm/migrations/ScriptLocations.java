package org.edm.migrations;

import java.nio.file.Path;

/**
 * Where the tool reads the migration ({@code V}) and undo ({@code U}) scripts: by default
 * the ones packaged in the tool, otherwise a {@code db} directory with {@code migration/}
 * and {@code undo/} below it.
 *
 * @param migrations a Flyway location of the {@code V} scripts, e.g.
 * {@code classpath:db/migration}
 * @param undo a Flyway-style location of the {@code U} scripts, e.g.
 * {@code filesystem:/repo/db/undo}
 */
public record ScriptLocations(String migrations, String undo) {

    /** The scripts packaged in the tool (and in this module's jar). */
    public static ScriptLocations packaged() {
        return new ScriptLocations("classpath:db/migration", "classpath:db/undo");
    }

    /**
     * The scripts under {@code db/migration} and {@code db/undo} of the given {@code db}
     * directory.
     */
    public static ScriptLocations directory(Path db) {
        Path absolute = db.toAbsolutePath().normalize();
        return new ScriptLocations("filesystem:" + absolute.resolve("migration"),
                "filesystem:" + absolute.resolve("undo"));
    }
}
