package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine on the build machines, so docker-compose.yml cannot be started here; these tests
 * check its structure instead: the services, their order of start, health checks, environment and volumes
 * that the README promises.
 */
class DockerComposeFileTests {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static Map<String, Object> services;
    static Map<String, Object> compose;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readComposeFile() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        services = (Map<String, Object>) compose.get("services");
    }

    @Test
    void runsPostgres16KafkaInKraftModeTheMigrationsJobAndTheThreeServices() {
        assertThat(services).containsOnlyKeys("postgres", "kafka", "migrations", "ingest-service", "parser-worker",
                "search-api");
        assertThat(service("postgres").get("image")).isEqualTo("postgres:16");
        assertThat((String) service("kafka").get("image")).startsWith("apache/kafka:");
        assertThat(environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS");
    }

    @Test
    void servicesWaitForHealthyInfrastructureAndCompletedMigrations() {
        for (String name : List.of("ingest-service", "parser-worker")) {
            assertThat(dependsOn(name)).containsEntry("postgres", Map.of("condition", "service_healthy"))
                    .containsEntry("kafka", Map.of("condition", "service_healthy"))
                    .containsEntry("migrations", Map.of("condition", "service_completed_successfully"));
        }
        assertThat(dependsOn("search-api")).containsEntry("migrations",
                Map.of("condition", "service_completed_successfully"));
        assertThat(dependsOn("migrations")).containsEntry("postgres", Map.of("condition", "service_healthy"));
    }

    @Test
    void everyLongRunningContainerHasAHealthCheck() {
        for (String name : List.of("postgres", "kafka", "ingest-service", "parser-worker", "search-api")) {
            assertThat(service(name)).as(name).containsKey("healthcheck");
        }
        assertThat(healthTest("ingest-service")).contains("localhost:8081/actuator/health");
        assertThat(healthTest("parser-worker")).contains("localhost:8083/actuator/health");
        assertThat(healthTest("search-api")).contains("localhost:8082/actuator/health");
    }

    @Test
    void servicesGetEverySettingFromTheEnvironment() {
        for (String name : List.of("ingest-service", "parser-worker", "search-api")) {
            assertThat(environment(name)).as(name)
                    .containsEntry("EDM_DB_URL", "jdbc:postgresql://postgres:5432/edm")
                    .containsEntry("EDM_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsKeys("EDM_DB_USER", "EDM_DB_PASSWORD", "EDM_STORAGE_ROOT");
        }
        assertThat(environment("migrations")).containsKeys("EDM_DB_URL", "EDM_DB_USER", "EDM_DB_PASSWORD");
    }

    @Test
    void ingestAndParserShareTheStoredFiles() {
        assertThat(volumes("ingest-service")).contains("document-files:/var/lib/edm/files");
        assertThat(volumes("parser-worker")).contains("document-files:/var/lib/edm/files");
        assertThat(((Map<?, ?>) compose.get("volumes")).keySet()).map(Object::toString).contains("document-files");
    }

    @Test
    @SuppressWarnings("unchecked")
    void imagesAreBuiltFromDockerfilesThatExistWithTheJarsTheBuildMakes() {
        for (String name : List.of("migrations", "ingest-service", "parser-worker", "search-api")) {
            Map<String, Object> build = (Map<String, Object>) service(name).get("build");
            assertThat(ROOT.resolve((String) build.get("dockerfile"))).as(name).exists();
            if (!name.equals("migrations")) {
                assertThat((Map<String, Object>) build.get("args")).containsEntry("MODULE", name);
                assertThat(ROOT.resolve(name).resolve("pom.xml")).exists();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String name) {
        return (Map<String, Object>) service(name).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dependsOn(String name) {
        return (Map<String, Object>) service(name).get("depends_on");
    }

    @SuppressWarnings("unchecked")
    private static List<String> volumes(String name) {
        return (List<String>) service(name).get("volumes");
    }

    @SuppressWarnings("unchecked")
    private static String healthTest(String name) {
        return String.join(" ", (List<String>) ((Map<String, Object>) service(name).get("healthcheck")).get("test"));
    }
}
