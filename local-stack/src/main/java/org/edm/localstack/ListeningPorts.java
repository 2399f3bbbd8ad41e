package org.edm.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports a local stack is about to listen on, checked before anything starts.
 *
 * <p>
 * Without the check a port in use surfaced late and badly: the embedded Kafka broker that
 * cannot bind halts the JVM (Kafka's fault handler calls {@code Runtime.halt}), so the
 * embedded PostgreSQL already started was never stopped and kept the port and the data
 * directory, failing the next start too. A second stack on the same ports, or a restart
 * while the last one is still stopping, now ends with one line naming the port and the
 * option that moves it, and nothing started.
 */
final class ListeningPorts {

    private ListeningPorts() {
    }

    /**
     * Each port the stack will listen on, with the option that sets it, in start order.
     */
    static Map<Integer, String> of(StackSettings settings, int parserWorkers) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        if (settings.externalDbUrl() == null) {
            ports.put(settings.postgresPort(), "--postgres-port");
        }
        if (settings.externalKafka() == null) {
            ports.put(settings.kafkaPort(), "--kafka-port");
            ports.put(settings.kafkaPort() + 1, "--kafka-port (its controller listens on the port above it)");
        }
        if (settings.startServices()) {
            ports.putIfAbsent(settings.ingestPort(), "--ingest-port");
            ports.putIfAbsent(settings.ingestManagementPort(), "--ingest-management-port");
            ports.putIfAbsent(settings.searchPort(), "--search-port");
            ports.putIfAbsent(settings.searchManagementPort(), "--search-management-port");
            for (int worker = 1; worker <= parserWorkers; worker++) {
                int offset = 10 * (worker - 1);
                String which = worker == 1 ? "" : " (+" + offset + " for parser-worker-" + worker + ")";
                ports.putIfAbsent(settings.parserPort() + offset, "--parser-port" + which);
                ports.putIfAbsent(settings.parserManagementPort() + offset, "--parser-management-port" + which);
            }
            ports.putIfAbsent(settings.webPort(), "--web-port");
        }
        return ports;
    }

    /**
     * @throws IllegalStateException naming the first port something else listens on
     */
    static void requireFree(StackSettings settings, int parserWorkers) {
        of(settings, parserWorkers).forEach((port, option) -> {
            if (!isFree(port)) {
                throw new IllegalStateException("port " + port + " is in use (another local stack, or one still "
                        + "stopping?); nothing was started. Stop what listens there or choose another port with "
                        + option + ".");
            }
        });
    }

    /**
     * Whether nothing listens on {@code port} of the loopback address, where the embedded
     * servers listen and where the services are reached.
     */
    static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

}
