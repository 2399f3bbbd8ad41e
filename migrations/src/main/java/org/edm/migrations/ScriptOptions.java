package org.edm.migrations;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Option;

/**
 * The option that points a database command at scripts on disk instead of the packaged
 * ones.
 */
final class ScriptOptions {

    @Option(names = "--scripts", paramLabel = "DIR",
            description = "Read the scripts from DIR/migration and DIR/undo (e.g. migrations/src/main/resources/db) "
                    + "instead of the ones packaged in the tool")
    @Nullable Path directory;

    ScriptLocations locations(Path workingDirectory) {
        return directory == null ? ScriptLocations.packaged()
                : ScriptLocations.directory(workingDirectory.resolve(directory));
    }

}
