package org.edm.migrations;

import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.edm.migrations.undo.UndoScripts;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

import picocli.CommandLine.Command;

/**
 * {@code history}: every migration, applied and pending, with state, date, checksum and
 * undo script.
 */
@Command(name = "history",
        description = "List every migration, applied and pending, with its state, installation date, checksum and "
                + "whether its undo script exists.")
final class HistoryCommand extends DatabaseCommand {

    private static final DateTimeFormatter INSTALLED_ON = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
            Locale.ROOT);

    @Override
    int run(Database database) {
        Flyway flyway = flyway(database).load();
        UndoScripts undo = undoScripts();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] { "VERSION", "DESCRIPTION", "STATE", "INSTALLED ON", "CHECKSUM", "UNDO" });
        MigrationInfoService service = flyway.info();
        for (MigrationInfo info : service.all()) {
            rows.add(new String[] { info.getVersion() == null ? "(repeatable)" : info.getVersion().toString(),
                    info.getDescription(), state(info),
                    info.getInstalledOn() == null ? ""
                            : INSTALLED_ON.format(new Timestamp(info.getInstalledOn().getTime()).toLocalDateTime()),
                    info.getChecksum() == null ? "" : info.getChecksum().toString(), undoColumn(info, undo) });
        }
        print(rows);
        out().println();
        out().println("Current version: " + currentVersion(service) + "; " + service.pending().length + " pending.");
        return ExitCode.OK;
    }

    private static String state(MigrationInfo info) {
        MigrationState state = info.getState();
        if (state == MigrationState.SUCCESS) {
            return info.isChecksumMatching() ? "applied" : "applied, checksum differs";
        }
        return state.getDisplayName().toLowerCase(Locale.ROOT);
    }

    private static String undoColumn(MigrationInfo info, UndoScripts undo) {
        if (info.getVersion() == null || info.getScript() == null || !"SQL".equals(info.getType().name())) {
            return "-";
        }
        return undo.find(info.getVersion()).isPresent() ? "yes" : "MISSING";
    }

    private void print(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(
                        i == row.length - 1 ? row[i] : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
            }
            out().println(line.toString().stripTrailing());
        }
    }

}
