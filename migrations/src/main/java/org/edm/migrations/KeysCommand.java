package org.edm.migrations;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import org.edm.migrations.keys.ApiKeyInfo;
import org.edm.migrations.keys.ApiKeys;
import org.edm.migrations.keys.CreatedKey;
import org.edm.migrations.keys.KeyRefused;
import org.edm.migrations.keys.KeyStoreFailed;
import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code keys create|list|revoke}: the API keys of the HTTP services. {@code create}
 * prints the new key alone on one line of stdout, once; it is stored only as a hash and
 * cannot be shown again.
 */
@Command(name = "keys", description = "Create, list and revoke API keys of the HTTP services.",
        subcommands = { KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class })
final class KeysCommand implements Callable<Integer> {

    @ParentCommand
    MigrationTool tool;

    @Spec
    CommandSpec spec;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        spec.commandLine().usage(tool.out());
        return ExitCode.USAGE;
    }

    /** One {@code keys} subcommand: connects once, then works on {@code api_keys}. */
    abstract static class KeyCommand implements Callable<Integer> {

        @ParentCommand
        KeysCommand keys;

        @Mixin
        ConnectionOptions connection = new ConnectionOptions();

        @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Override
        public final Integer call() {
            Database database = connection.database(keys.tool.environment());
            database.checkConnection();
            try {
                return run(new ApiKeys(database.dataSource()), keys.tool.out());
            }
            catch (KeyRefused e) {
                throw new CommandRefused(e.getMessage());
            }
            catch (KeyStoreFailed e) {
                throw new ScriptFailed(e.getMessage(), e);
            }
        }

        abstract int run(ApiKeys apiKeys, PrintWriter out);

    }

    @Command(name = "create", description = { "Create a key and print it, alone on one line, once.",
            "Scopes: documents:read, documents:write, documents:delete, admin (admin implies all)." })
    static final class Create extends KeyCommand {

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "A unique name for the key")
        String name = "";

        @Option(names = "--scopes", required = true, split = ",", paramLabel = "SCOPE",
                description = "Comma-separated scopes, e.g. documents:read,documents:write")
        List<String> scopes = List.of();

        @Override
        int run(ApiKeys apiKeys, PrintWriter out) {
            CreatedKey created = apiKeys.create(name, scopes);
            out.println(created.key());
            return ExitCode.OK;
        }

    }

    @Command(name = "list", description = "List the keys (name, first characters, scopes, times); never the keys.")
    static final class ListKeys extends KeyCommand {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

        @Override
        int run(ApiKeys apiKeys, PrintWriter out) {
            List<ApiKeyInfo> all = apiKeys.list();
            if (all.isEmpty()) {
                out.println("no keys");
                return ExitCode.OK;
            }
            out.printf("%-24s %-16s %-50s %-20s %-20s %s%n", "NAME", "PREFIX", "SCOPES", "CREATED", "LAST USED",
                    "REVOKED");
            for (ApiKeyInfo key : all) {
                out.printf("%-24s %-16s %-50s %-20s %-20s %s%n", key.name(), key.keyPrefix() + "...",
                        String.join(",", key.scopes()), time(key.createdAt()), time(key.lastUsedAt()),
                        time(key.revokedAt()));
            }
            return ExitCode.OK;
        }

        private static String time(@Nullable Instant instant) {
            return instant == null ? "-" : TIME.format(instant);
        }

    }

    @Command(name = "revoke", description = "Revoke a key: the services refuse it from then on (it stays listed).")
    static final class Revoke extends KeyCommand {

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The key's name")
        String name = "";

        @Override
        int run(ApiKeys apiKeys, PrintWriter out) {
            if (!apiKeys.revoke(name)) {
                throw new CommandRefused("no valid key named '" + name + "' (unknown or revoked already)");
            }
            out.println("Revoked key '" + name + "'.");
            return ExitCode.OK;
        }

    }

}
