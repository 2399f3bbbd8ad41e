package org.edm.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

/**
 * The {@code kafka} health component answers through the service's one shared admin
 * client.
 */
class KafkaHealthIntegrationTest extends WorkerIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void healthChecksDoNotCreateAnAdminClientEach() {
        // given: the health component has answered once (its shared client exists)
        assertThat(kafkaHealth().path("status").asString()).isEqualTo("UP");
        int before = nextAdminClientNumber();

        // when: ten more health checks
        for (int i = 0; i < 10; i++) {
            JsonNode kafka = kafkaHealth();
            assertThat(kafka.path("status").asString()).isEqualTo("UP");
            assertThat(kafka.path("details").path("brokers").asInt()).isEqualTo(1);
        }

        // then: Kafka numbers every admin client it creates in this JVM; the checks
        // created none
        assertThat(nextAdminClientNumber() - before).isEqualTo(1);
    }

    private JsonNode kafkaHealth() {
        return RestClient.create("http://localhost:" + port)
            .get()
            .uri("/actuator/health")
            .retrieve()
            .body(JsonNode.class)
            .path("components")
            .path("kafka");
    }

    /**
     * Creates (and closes) an admin client and returns the sequence number in its default
     * client id.
     */
    private static int nextAdminClientNumber() {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().bootstrapServers()))) {
            String clientId = admin.metrics().keySet().iterator().next().tags().get("client-id");
            return Integer.parseInt(clientId.substring(clientId.lastIndexOf('-') + 1));
        }
    }

}
