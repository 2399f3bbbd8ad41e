package org.edm.migrations;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;

import org.edm.migrations.scaffold.MigrationPair;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code new DESCRIPTION}: writes a V script and its U script from templates, named by
 * the convention.
 */
@Command(name = "new",
        description = { "Create a migration and its undo script from templates: "
                + "DIR/migration/V<yyyyMMdd_HHmm>_<NNN>__<description>.sql and DIR/undo/U<same>.sql, "
                + "NNN being the next sequence number.", "Needs no database." })
final class NewCommand implements Callable<Integer> {

    static final String DEFAULT_DIRECTORY = "migrations/src/main/resources/db";

    @ParentCommand
    MigrationTool tool;

    @Parameters(paramLabel = "DESCRIPTION", arity = "1..*",
            description = "What the migration does, e.g. \"add document language\" (becomes add_document_language)")
    List<String> description = List.of();

    @Option(names = "--scripts", paramLabel = "DIR", defaultValue = DEFAULT_DIRECTORY,
            description = "The db directory holding migration/ and undo/ (default: ${DEFAULT-VALUE}, relative to "
                    + "the working directory)")
    Path directory = Path.of(DEFAULT_DIRECTORY);

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        Path db = tool.workingDirectory().resolve(directory);
        MigrationPair pair = MigrationPair.create(db.resolve("migration"), db.resolve("undo"),
                String.join(" ", description), LocalDateTime.now(tool.clock()));
        if (pair.note() != null) {
            tool.out().println("Note: " + pair.note() + ".");
        }
        tool.out().println("Created " + pair.migration());
        tool.out().println("Created " + pair.undo());
        tool.out()
            .println("Version " + pair.version() + ": write the change into the V script and its reversal "
                    + "into the U script.");
        return ExitCode.OK;
    }

}
