package org.edm.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code stamp VERSION}: makes the history say the database is at VERSION without running
 * any script, like Alembic's stamp. Migrations up to VERSION that are not recorded are
 * recorded as applied (with their checksums, so they can be downgraded later); recorded
 * migrations above VERSION are removed from the history.
 */
@Command(name = "stamp",
        description = {
                "Record the database as being at VERSION without running any script: migrations up to "
                        + "VERSION are recorded as applied, recorded migrations above it are removed from the history.",
                "For a database whose schema was created or changed by hand. VERSION may be 'latest' or 'base' "
                        + "(no migration applied)." })
final class StampCommand extends DatabaseCommand {

    private static final String HISTORY_EXISTS = "SELECT to_regclass('flyway_schema_history') IS NOT NULL";

    private static final String VERSIONED_ROWS = """
            SELECT installed_rank, version FROM flyway_schema_history WHERE version IS NOT NULL
            """;

    private static final String DELETE_ROW = "DELETE FROM flyway_schema_history WHERE installed_rank = ?";

    @Parameters(paramLabel = "VERSION",
            description = "A version (20261125.1210.002 or 20261125_1210_002), " + "'latest' or 'base'")
    String requestedVersion = "";

    @Override
    int run(Database database) throws SQLException {
        Flyway probe = flyway(database).load();
        List<MigrationInfo> available = availableMigrations(probe);
        MigrationVersion target = target(available);
        List<String> removed = removeAbove(database, target);
        for (String row : removed) {
            out().println("Removed " + row + " from the history (its undo script was not run)");
        }
        if (target != MigrationVersion.EMPTY) {
            MigrateResult recorded = flyway(database).target(target).skipExecutingMigrations(true).load().migrate();
            for (MigrateOutput migration : recorded.migrations) {
                out().println("Recorded " + migration.version + " " + migration.description
                        + " as applied (its script was not run)");
            }
        }
        out().println("Now at version " + currentVersion(flyway(database).load()) + ".");
        return ExitCode.OK;
    }

    private MigrationVersion target(List<MigrationInfo> available) {
        String requested = requestedVersion.strip().toLowerCase(Locale.ROOT);
        if (requested.equals("base")) {
            return MigrationVersion.EMPTY;
        }
        if (requested.equals("latest") || requested.equals("head")) {
            if (available.isEmpty()) {
                throw new CommandRefused("there are no migration scripts to stamp");
            }
            return available.get(available.size() - 1).getVersion();
        }
        MigrationVersion target = version(requestedVersion);
        if (available.stream().noneMatch(info -> target.equals(info.getVersion()))) {
            throw new CommandRefused("unknown version " + requestedVersion + "; `history` lists the versions");
        }
        return target;
    }

    /**
     * Deletes, in one transaction, the history rows of versions above the target; returns
     * what it deleted.
     */
    private static List<String> removeAbove(Database database, MigrationVersion target) throws SQLException {
        List<String> removed = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(HISTORY_EXISTS)) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return removed;
                }
            }
            connection.setAutoCommit(false);
            try (ResultSet rows = statement.executeQuery(VERSIONED_ROWS);
                    PreparedStatement delete = connection.prepareStatement(DELETE_ROW)) {
                while (rows.next()) {
                    String recorded = rows.getString("version");
                    if (target == MigrationVersion.EMPTY
                            || MigrationVersion.fromVersion(recorded).isNewerThan(target)) {
                        delete.setInt(1, rows.getInt("installed_rank"));
                        delete.executeUpdate();
                        removed.add(recorded);
                    }
                }
                connection.commit();
            }
            catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
        return removed;
    }

}
