package org.edm.localstack;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * How one service process is started: its command line (visible to every user of the
 * machine through {@code ps}, so it never holds a password or secret) and its environment
 * (which does).
 *
 * @param name the service, e.g. {@code search-api}
 * @param port its public HTTP port
 * @param command the full command line
 * @param environment variables added to the launcher's environment: settings and secrets
 * @param readiness the URI that answers 200 once the service is ready ({@code /readyz})
 */
record ServiceLaunch(String name, int port, List<String> command, Map<String, String> environment, URI readiness) {

    ServiceLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** Never the environment: it holds passwords. */
    @Override
    public String toString() {
        return "ServiceLaunch[" + name + " on port " + port + ": " + String.join(" ", command) + "]";
    }
}
