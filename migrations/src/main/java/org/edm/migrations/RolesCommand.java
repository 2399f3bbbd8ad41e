package org.edm.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.edm.migrations.roles.ServiceRole;
import org.edm.migrations.roles.ServiceRoleLogins;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code roles}: shows the services' database roles; {@code roles --login} gives each one
 * LOGIN and the password in its environment variable. Passwords are never taken from the
 * command line (the process list shows it).
 */
@Command(name = "roles", description = {
        "Show the services' database roles (edm_ingest, edm_parser, edm_search) and whether they " + "may log in.",
        "With --login: give each role whose password variable is set LOGIN and that password "
                + "(EDM_INGEST_DB_PASSWORD, EDM_PARSER_DB_PASSWORD, EDM_SEARCH_DB_PASSWORD). The connecting "
                + "user needs CREATEROLE. Passwords are read from the environment only." })
final class RolesCommand extends DatabaseCommand {

    @Option(names = "--login", description = "Set LOGIN and the password from the environment for each role.")
    boolean login;

    @Override
    int run(Database database) throws Exception {
        ServiceRoleLogins logins = new ServiceRoleLogins(database.dataSource());
        if (login) {
            enableLogins(logins);
        }
        Map<ServiceRole, Boolean> state = logins.loginState();
        for (ServiceRole role : ServiceRole.values()) {
            Boolean canLogin = state.get(role);
            out().printf("%-11s %s%n", role.roleName(), canLogin == null ? "missing (run upgrade first)"
                    : canLogin ? "login" : "nologin (password variable " + role.passwordVariable() + ")");
        }
        return ExitCode.OK;
    }

    private void enableLogins(ServiceRoleLogins logins) throws Exception {
        Map<String, String> environment = tool.environment();
        List<ServiceRole> withPassword = new ArrayList<>();
        for (ServiceRole role : ServiceRole.values()) {
            String password = environment.get(role.passwordVariable());
            if (password != null && !password.isBlank()) {
                withPassword.add(role);
            }
        }
        if (withPassword.isEmpty()) {
            throw new CommandRefused("no password in the environment: set EDM_INGEST_DB_PASSWORD, "
                    + "EDM_PARSER_DB_PASSWORD and/or EDM_SEARCH_DB_PASSWORD");
        }
        if (!logins.loginState().keySet().containsAll(withPassword)) {
            throw new CommandRefused("the service roles do not exist yet: run 'edm-migrations upgrade' first");
        }
        for (ServiceRole role : withPassword) {
            logins.enableLogin(role, environment.get(role.passwordVariable()));
            out().printf("%s may log in with the password from %s%n", role.roleName(), role.passwordVariable());
        }
    }

}
