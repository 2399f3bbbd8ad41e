package org.edm.migrations.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.edm.migrations.CommandRefused;
import org.jspecify.annotations.Nullable;

/**
 * A new migration: {@code V<yyyyMMdd_HHmm>_<NNN>__<description>.sql} and its undo script
 * {@code U<same version>__<description>.sql}, written from templates. NNN is one more
 * than the highest sequence number among the existing scripts. The timestamp is the
 * clock's, unless an existing migration has a later one (a clock behind a colleague's):
 * then that later timestamp is used, so the new migration still sorts last.
 *
 * @param migration the V script written
 * @param undo the U script written
 * @param version the version in Flyway's form, e.g. {@code 20261126.0930.004}
 * @param note why the timestamp is not the clock's, or null when it is
 */
public record MigrationPair(Path migration, Path undo, String version, @Nullable String note) {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm", Locale.ROOT);

    private static final Pattern CONVENTION = Pattern.compile("[VU](\\d{8}_\\d{4})_(\\d{3,})__.+\\.sql");

    /**
     * Writes the pair into the two directories (which must exist); refuses a description
     * without letters or digits, and never overwrites a file.
     */
    public static MigrationPair create(Path migrationDirectory, Path undoDirectory, String description,
            LocalDateTime now) {
        String slug = slug(description);
        requireDirectory(migrationDirectory);
        requireDirectory(undoDirectory);
        Existing existing = scan(migrationDirectory).merge(scan(undoDirectory));
        String clock = TIMESTAMP.format(now);
        String timestamp = clock;
        String note = null;
        if (existing.latestTimestamp() != null && existing.latestTimestamp().compareTo(clock) > 0) {
            timestamp = existing.latestTimestamp();
            note = "the clock (" + clock + ") is before the latest migration's timestamp; used " + timestamp
                    + " so that the new migration sorts last";
        }
        String name = timestamp + "_" + String.format(Locale.ROOT, "%03d", existing.highestSequence() + 1) + "__"
                + slug;
        Path migration = migrationDirectory.resolve("V" + name + ".sql");
        Path undo = undoDirectory.resolve("U" + name + ".sql");
        write(migration, """
                -- %s.
                -- The forward change only; %s reverses it. A released migration is never edited: add a new one.

                """.formatted(sentence(slug), undo.getFileName()));
        try {
            write(undo, """
                    -- Undoes %s: reverse each of its statements, in reverse order, so that
                    -- upgrade -> downgrade -> upgrade leaves an identical schema.

                    """.formatted(migration.getFileName()));
        }
        catch (RuntimeException e) {
            deleteQuietly(migration);
            throw e;
        }
        return new MigrationPair(migration, undo, name.substring(0, name.indexOf("__")).replace('_', '.'), note);
    }

    private static String slug(String description) {
        String slug = description.strip()
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "_")
            .replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            throw new CommandRefused("the description needs letters or digits, e.g. \"add document language\"");
        }
        return slug;
    }

    private static String sentence(String slug) {
        String words = slug.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static void requireDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new CommandRefused(
                    "no directory " + directory + " (run from the repository root, or pass --scripts)");
        }
    }

    private static Existing scan(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            Existing existing = new Existing(null, 0);
            for (Path file : files.toList()) {
                Matcher matcher = CONVENTION.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    existing = existing.merge(new Existing(matcher.group(1), Integer.parseInt(matcher.group(2))));
                }
            }
            return existing;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        }
        catch (java.nio.file.FileAlreadyExistsException e) {
            throw new CommandRefused(file + " already exists");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ignored) {
            // the original failure is what the user needs to see
        }
    }

    private record Existing(@Nullable String latestTimestamp, int highestSequence) {

        Existing merge(Existing other) {
            String latest = latestTimestamp;
            if (other.latestTimestamp != null && (latest == null || other.latestTimestamp.compareTo(latest) > 0)) {
                latest = other.latestTimestamp;
            }
            return new Existing(latest, Math.max(highestSequence, other.highestSequence));
        }
    }
}
