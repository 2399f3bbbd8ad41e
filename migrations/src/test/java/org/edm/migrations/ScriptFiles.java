package org.edm.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The module's own migration scripts on disk, and copies of them that a test may break.
 */
final class ScriptFiles {

    /**
     * The scripts of this module, as surefire runs with the module as working directory.
     */
    static final Path SOURCE = Path.of("src/main/resources/db").toAbsolutePath();

    private ScriptFiles() {
    }

    /** Copies db/migration and db/undo into {@code target}; returns target. */
    static Path copyTo(Path target) {
        for (String directory : List.of("migration", "undo")) {
            try {
                Files.createDirectories(target.resolve(directory));
                for (Path file : list(SOURCE.resolve(directory))) {
                    Files.copy(file, target.resolve(directory).resolve(file.getFileName()));
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return target;
    }

    /**
     * The V scripts, oldest first (their names sort by version, as the naming convention
     * makes them).
     */
    static List<Path> migrations(Path db) {
        return list(db.resolve("migration")).stream()
            .filter(file -> file.getFileName().toString().startsWith("V"))
            .toList();
    }

    /** The undo script of a V script in the same db directory. */
    static Path undoOf(Path migration) {
        return migration.getParent()
            .resolveSibling("undo")
            .resolve("U" + migration.getFileName().toString().substring(1));
    }

    /** The version of a V script in Flyway's form, e.g. 20261125.1210.002. */
    static String versionOf(Path migration) {
        String name = migration.getFileName().toString();
        return name.substring(1, name.indexOf("__")).replace('_', '.');
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
