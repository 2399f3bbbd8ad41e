package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port in use stops the start before anything runs, naming the port and its option.
 * Before {@link ListeningPorts}, a busy Kafka controller port halted the JVM after the
 * embedded PostgreSQL had started, leaving it running on the data directory.
 */
class ListeningPortsTest {

    @TempDir
    Path dataDir;

    @Test
    void aBusyPortStopsTheStartBeforePostgresqlOrKafkaRunAndNamesTheOption() throws IOException {
        try (var busy = busyPortAboveAFreeOne()) {
            // given: something listens on the port above --kafka-port (the controller's)
            int kafkaPort = busy.getLocalPort() - 1;
            int freePostgresPort = freePort();
            while (freePostgresPort == kafkaPort) {
                freePostgresPort = freePort();
            }
            StackSettings settings = StackSettings.parse(new String[] { "--data-dir=" + dataDir,
                    "--postgres-port=" + freePostgresPort, "--kafka-port=" + kafkaPort, "--infrastructure-only" },
                    Map.of(), Path.of("/"));

            // when / then
            try (var stack = new LocalStack(settings)) {
                assertThatThrownBy(stack::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + busy.getLocalPort() + " is in use")
                    .hasMessageContaining("--kafka-port");
            }
            assertThat(dataDir.resolve("postgres")).as("no PostgreSQL was started").doesNotExist();
        }
    }

    /**
     * A listening socket whose port's lower neighbour is free now: other tests' clients
     * and servers hold ports of the same range.
     */
    private static ServerSocket busyPortAboveAFreeOne() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            var busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            if (ListeningPorts.isFree(busy.getLocalPort() - 1)) {
                return busy;
            }
            busy.close();
        }
        throw new IOException("no listening port with a free port below it in 50 attempts");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theServicesPortsOfEveryWorkerAreChecked() {
        StackSettings settings = StackSettings.parse(new String[] { "--data-dir=" + dataDir }, Map.of(), Path.of("/"));

        Map<Integer, String> ports = ListeningPorts.of(settings, 2);

        assertThat(ports).containsEntry(5433, "--postgres-port")
            .containsKeys(9092, 9093, 8081, 9081, 8082, 9082, 8083, 8093, 8080)
            .hasEntrySatisfying(8093, option -> assertThat(option).contains("parser-worker-2"));
    }

}
