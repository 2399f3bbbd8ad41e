package org.edm.migrations;

import java.util.ArrayList;
import java.util.List;

import org.edm.migrations.undo.UndoScripts;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

import picocli.CommandLine.Command;

/**
 * {@code validate}: the applied migrations still match their scripts (checksums,
 * descriptions), no applied migration lacks its script, and every script has its undo
 * script. Pending migrations are not a problem.
 */
@Command(name = "validate",
        description = "Check that applied migrations match their scripts (checksums), that none lacks its script, "
                + "and that every migration has an undo script. Pending migrations are fine.")
final class ValidateCommand extends DatabaseCommand {

    @Override
    int run(Database database) {
        Flyway flyway = flyway(database).ignoreMigrationPatterns("*:pending").load();
        ValidateResult result = flyway.validateWithResult();
        List<String> problems = new ArrayList<>();
        if (result.invalidMigrations != null) {
            for (ValidateOutput invalid : result.invalidMigrations) {
                problems.add((invalid.version == null || invalid.version.isEmpty() ? "" : invalid.version + " ")
                        + invalid.description + ": " + message(invalid));
            }
        }
        if (!result.validationSuccessful && problems.isEmpty() && result.errorDetails != null) {
            problems.add(result.errorDetails.errorMessage);
        }
        UndoScripts undo = undoScripts();
        List<MigrationInfo> available = availableMigrations(flyway);
        for (MigrationInfo migration : available) {
            if ("SQL".equals(migration.getType().name()) && undo.find(migration.getVersion()).isEmpty()) {
                problems.add(migration.getVersion() + " " + migration.getDescription() + ": no undo script "
                        + UndoScripts.expectedName(migration.getScript()) + " in " + undo.location());
            }
        }
        if (problems.isEmpty()) {
            out().println("Valid: " + available.size() + " migrations; the applied ones match their scripts, "
                    + "and every one has an undo script.");
            return ExitCode.OK;
        }
        problems.forEach(problem -> out().println("INVALID " + problem));
        out().println(problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + ". A changed released migration must be restored (never edited); `repair` realigns checksums only "
                + "when the change was intended.");
        return ExitCode.CHECK_FAILED;
    }

    private static String message(ValidateOutput invalid) {
        return invalid.errorDetails == null ? "invalid" : invalid.errorDetails.errorMessage.strip().replace('\n', ' ');
    }

}
