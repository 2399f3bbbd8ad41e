package org.edm.migrations.undo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.edm.migrations.CommandRefused;
import org.edm.migrations.ScriptFailed;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Steps a database back through its applied migrations, newest first (by installation
 * order): each step runs the migration's undo script and deletes its row from Flyway's
 * history table in one transaction, so a failed step leaves the database at the version
 * it had before that step.
 * <p>
 * {@link #plan(Connection, int)} checks everything a downgrade needs (enough applied
 * migrations, no failed or baseline row in the way, every undo script present) before
 * {@link #run(Connection, Step)} touches anything.
 */
public final class Downgrade {

    /**
     * Flyway's default history table, in the connection's current schema, as Flyway
     * itself resolves it.
     */
    static final String HISTORY_TABLE = "flyway_schema_history";

    private static final String HISTORY_EXISTS = "SELECT to_regclass('" + HISTORY_TABLE + "') IS NOT NULL";

    private static final String HISTORY = """
            SELECT installed_rank, version, description, type, script, success
            FROM flyway_schema_history
            ORDER BY installed_rank DESC
            """;

    /** Keeps Flyway (which inserts history rows) out while a step runs. */
    private static final String LOCK_HISTORY = "LOCK TABLE flyway_schema_history IN SHARE ROW EXCLUSIVE MODE";

    private static final String DELETE_HISTORY_ROW = """
            DELETE FROM flyway_schema_history
            WHERE installed_rank = ? AND version = ?
            """;

    private final UndoScripts undoScripts;

    public Downgrade(UndoScripts undoScripts) {
        this.undoScripts = undoScripts;
    }

    /**
     * One downgrade step: the applied migration and the script that undoes it.
     *
     * @param installedRank its row in the history table
     * @param version its version as recorded, e.g. {@code 20261125.1220.003}
     */
    public record Step(int installedRank, String version, String description, String script, UndoScript undo) {
    }

    /**
     * The steps that undo the newest {@code steps} applied migrations, newest first;
     * refuses (changing nothing) when there are fewer, when a failed or baseline row is
     * in the way, or when an undo script is missing.
     */
    public List<Step> plan(Connection connection, int steps) throws SQLException {
        if (steps < 1) {
            throw new CommandRefused("--steps must be at least 1, not " + steps);
        }
        List<HistoryRow> applied = appliedNewestFirst(connection);
        if (applied.isEmpty()) {
            throw new CommandRefused("nothing to downgrade: no migration is applied");
        }
        for (HistoryRow row : applied) {
            if (!row.success()) {
                throw new CommandRefused("migration " + row.version() + " (" + row.description()
                        + ") is recorded as failed; clean it up and run repair first; nothing was changed");
            }
        }
        if (steps > applied.size()) {
            throw new CommandRefused("cannot downgrade " + steps + " steps: only " + applied.size() + " migration"
                    + (applied.size() == 1 ? " is" : "s are") + " applied; nothing was changed");
        }
        List<Step> plan = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (HistoryRow row : applied.subList(0, steps)) {
            if (!"SQL".equals(row.type())) {
                throw new CommandRefused("cannot downgrade below " + row.version() + " (" + row.description()
                        + "): it is a " + row.type() + " entry, not a SQL migration with an undo script; "
                        + "nothing was changed");
            }
            undoScripts.find(MigrationVersion.fromVersion(row.version()))
                .ifPresentOrElse(
                        undo -> plan
                            .add(new Step(row.installedRank(), row.version(), row.description(), row.script(), undo)),
                        () -> missing.add(UndoScripts.expectedName(row.script()) + " (undoes " + row.version() + " "
                                + row.description() + ")"));
        }
        if (!missing.isEmpty()) {
            throw new MissingUndoScripts(missing, undoScripts.location());
        }
        return List.copyOf(plan);
    }

    /**
     * Runs one step in its own transaction: the undo script, then the deletion of the
     * history row.
     */
    public void run(Connection connection, Step step) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement();
                PreparedStatement delete = connection.prepareStatement(DELETE_HISTORY_ROW)) {
            statement.execute(LOCK_HISTORY);
            statement.execute(step.undo().sql());
            delete.setInt(1, step.installedRank());
            delete.setString(2, step.version());
            if (delete.executeUpdate() != 1) {
                connection.rollback();
                throw new CommandRefused("the history row of " + step.version()
                        + " changed while downgrading (another migration running?); rolled back");
            }
            connection.commit();
        }
        catch (SQLException e) {
            connection.rollback();
            throw new ScriptFailed(step.undo().name() + " failed: " + firstLine(e.getMessage())
                    + "; rolled back, the database is still at " + step.version(), e);
        }
        finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Applied versioned migrations, newest first; rows of migrations that repair marked
     * deleted are left out.
     */
    private static List<HistoryRow> appliedNewestFirst(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(HISTORY_EXISTS)) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return List.of();
                }
            }
            List<HistoryRow> rows = new ArrayList<>();
            Set<String> deleted = new HashSet<>();
            try (ResultSet result = statement.executeQuery(HISTORY)) {
                while (result.next()) {
                    String version = result.getString("version");
                    String type = result.getString("type");
                    if (version == null) {
                        // repeatable migrations have no version and nothing to undo
                        continue;
                    }
                    if ("DELETE".equals(type)) {
                        deleted.add(version);
                        continue;
                    }
                    rows.add(new HistoryRow(result.getInt("installed_rank"), version, result.getString("description"),
                            type, result.getString("script"), result.getBoolean("success")));
                }
            }
            return rows.stream().filter(row -> !deleted.contains(row.version())).toList();
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private record HistoryRow(int installedRank, String version, String description, String type, String script,
            boolean success) {
    }

}
