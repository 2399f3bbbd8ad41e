package org.edm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.edm.migrations.ToolRunner.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code new} writes a V/U pair named by the convention, with the next sequence number;
 * no database needed.
 */
class NewCommandTest {

    @TempDir
    Path repository;

    private Path migration;

    private Path undo;

    @BeforeEach
    void repositoryWithThreeMigrations() throws IOException {
        migration = Files.createDirectories(repository.resolve("migrations/src/main/resources/db/migration"));
        undo = Files.createDirectories(repository.resolve("migrations/src/main/resources/db/undo"));
        for (String name : new String[] { "20261125_1200_001__initial_schema", "20261125_1210_002__outbox",
                "20261125_1220_003__processed_events" }) {
            Files.writeString(migration.resolve("V" + name + ".sql"), "SELECT 1;");
            Files.writeString(undo.resolve("U" + name + ".sql"), "SELECT 1;");
        }
    }

    @Test
    void createsACorrectlyNamedPairWithTheNextSequenceNumber() throws IOException {
        Result result = tool(LocalDateTime.of(2026, 12, 1, 9, 30)).run("new", "Add document language");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Path v = migration.resolve("V20261201_0930_004__add_document_language.sql");
        Path u = undo.resolve("U20261201_0930_004__add_document_language.sql");
        assertThat(v).exists();
        assertThat(u).exists();
        assertThat(Files.readString(v)).startsWith("-- Add document language.").contains(u.getFileName().toString());
        assertThat(Files.readString(u)).contains("Undoes " + v.getFileName());
        assertThat(result.out()).contains("Created " + v, "Created " + u, "Version 20261201.0930.004");
    }

    @Test
    void aClockBehindTheLatestMigrationStillSortsTheNewOneLast() {
        Result result = tool(LocalDateTime.of(2026, 11, 20, 8, 0)).run("new", "backfill titles");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(migration.resolve("V20261125_1220_004__backfill_titles.sql")).exists();
        assertThat(result.out()).startsWith("Note: the clock (20261120_0800) is before");
    }

    @Test
    void scriptsDirectoryCanBeChosen() throws IOException {
        Path other = repository.resolve("elsewhere");
        Files.createDirectories(other.resolve("migration"));
        Files.createDirectories(other.resolve("undo"));

        Result result = tool(LocalDateTime.of(2026, 12, 1, 9, 30)).run("new", "first", "--scripts", "elsewhere");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(other.resolve("migration/V20261201_0930_001__first.sql")).exists();
        assertThat(other.resolve("undo/U20261201_0930_001__first.sql")).exists();
    }

    @Test
    void refusesADescriptionWithoutWordsAndAMissingDirectory() {
        Result empty = tool(LocalDateTime.of(2026, 12, 1, 9, 30)).run("new", "--", "---");
        Result missing = tool(LocalDateTime.of(2026, 12, 1, 9, 30)).run("new", "x", "--scripts", "nowhere");

        assertThat(empty.exitCode()).isEqualTo(3);
        assertThat(empty.err()).contains("needs letters or digits");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.errLines()).singleElement().asString().contains("no directory");
    }

    private ToolRunner tool(LocalDateTime now) {
        return ToolRunner.withEnvironment(Map.of())
            .in(repository)
            .at(Clock.fixed(now.toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

}
