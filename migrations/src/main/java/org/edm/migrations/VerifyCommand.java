package org.edm.migrations;

import java.sql.Connection;
import java.util.List;

import org.edm.migrations.contract.ContractCheck;
import org.edm.migrations.contract.EdmSchema;
import org.edm.migrations.contract.Finding;
import org.edm.migrations.contract.LiveSchema;
import org.edm.migrations.contract.SchemaContract;

import picocli.CommandLine.Command;

/**
 * {@code verify}: compares the live database with the schema contract ({@link EdmSchema})
 * and prints each difference; exit code {@value ExitCode#CHECK_FAILED} when there is one.
 * What the database has beyond the contract is printed as information and does not fail.
 */
@Command(name = "verify",
        description = {
                "Compare the live database with the schema contract of migrations/SCHEMA.md (tables, columns, "
                        + "types, nullability, named indexes, triggers, foreign keys with their ON DELETE, the status "
                        + "default, the generated search_vector) and print each difference.",
                "Tables, columns and indexes beyond the contract are printed as info and do not fail." })
final class VerifyCommand extends DatabaseCommand {

    @Override
    int run(Database database) throws Exception {
        SchemaContract contract = EdmSchema.contract();
        List<Finding> findings;
        try (Connection connection = database.connect()) {
            findings = ContractCheck.compare(contract, LiveSchema.read(connection));
        }
        out().printf("Verifying %s against the schema contract (%d tables, %d indexes, %d triggers, %d foreign keys)%n",
                database.displayUrl(), contract.tables().size(), contract.indexes().size(), contract.triggers().size(),
                contract.foreignKeys().size());
        findings.forEach(finding -> out().println(finding));
        long differences = findings.stream().filter(Finding::isDifference).count();
        if (differences == 0) {
            out().println("OK: the database matches the contract.");
            return ExitCode.OK;
        }
        out().println(differences + " difference" + (differences == 1 ? "" : "s") + " from the contract.");
        return ExitCode.CHECK_FAILED;
    }

}
