package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine on the build machines, so docker-compose.yml cannot be
 * started here; these tests check its structure instead: the services, their order of
 * start, health checks, environment and volumes that the README promises.
 */
class DockerComposeFileTest {

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
        assertThat(services).containsOnlyKeys("postgres", "kafka", "minio", "minio-bucket", "migrations", "db-roles",
                "ingest-service", "parser-worker", "search-api", "web");
        assertThat((String) service("postgres").get("image")).startsWith("postgres:16.");
        assertThat((String) service("kafka").get("image")).startsWith("apache/kafka:");
        assertThat(environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
            .containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS");
    }

    @Test
    void servicesWaitForHealthyInfrastructureAndCompletedMigrations() {
        for (String name : List.of("ingest-service", "parser-worker")) {
            assertThat(dependsOn(name)).containsEntry("postgres", Map.of("condition", "service_healthy"))
                .containsEntry("kafka", Map.of("condition", "service_healthy"))
                .containsEntry("db-roles", Map.of("condition", "service_completed_successfully"));
        }
        assertThat(dependsOn("search-api")).containsEntry("db-roles",
                Map.of("condition", "service_completed_successfully"));
        assertThat(dependsOn("db-roles")).containsEntry("migrations",
                Map.of("condition", "service_completed_successfully"));
        assertThat(dependsOn("migrations")).containsEntry("postgres", Map.of("condition", "service_healthy"));
    }

    @Test
    void everyLongRunningContainerHasAHealthCheck() {
        for (String name : List.of("postgres", "kafka", "minio", "ingest-service", "parser-worker", "search-api",
                "web")) {
            assertThat(service(name)).as(name).containsKey("healthcheck");
        }
        assertThat(healthTest("web")).contains("localhost:8080/readyz");
        assertThat(healthTest("ingest-service")).contains("localhost:8081/readyz");
        assertThat(healthTest("parser-worker")).contains("localhost:8083/readyz");
        assertThat(healthTest("search-api")).contains("localhost:8082/readyz");
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
    void theWebPageCallsTheServicesInsideTheNetworkAndIsTheOnePublishedOrigin() {
        assertThat(environment("web")).containsEntry("EDM_INGEST_URL", "http://ingest-service:8081")
            .containsEntry("EDM_SEARCH_URL", "http://search-api:8082")
            .containsEntry("EDM_BIND_ADDRESS", "0.0.0.0");
        assertThat(ports("web")).containsExactly("127.0.0.1:8080:8080");
        assertThat(dependsOn("web")).containsEntry("ingest-service", Map.of("condition", "service_healthy"))
            .containsEntry("search-api", Map.of("condition", "service_healthy"));
    }

    @Test
    void postgresAndKafkaAreNotPublishedToTheHost() {
        assertThat(service("postgres")).doesNotContainKey("ports");
        assertThat(service("kafka")).doesNotContainKey("ports");
        assertThat(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://kafka:9092");
    }

    @Test
    void servicesArePublishedOnTheLoopbackInterfaceOnly() {
        for (String name : List.of("ingest-service", "parser-worker", "search-api", "web")) {
            assertThat(ports(name)).as(name).isNotEmpty().allMatch(port -> port.startsWith("127.0.0.1:"));
        }
        assertThat(services.keySet()).allMatch(name -> ports(name).stream().allMatch(p -> p.startsWith("127.0.0.1:")));
    }

    @Test
    void everyPasswordAndSecretIsRequiredWithoutADefault() {
        Map<String, String> secrets = Map.of("postgres", "POSTGRES_PASSWORD", "migrations", "EDM_DB_PASSWORD",
                "db-roles", "EDM_DB_PASSWORD", "ingest-service", "EDM_DB_PASSWORD", "parser-worker", "EDM_DB_PASSWORD",
                "search-api", "EDM_DB_PASSWORD");
        secrets.forEach((name, variable) -> assertThat(String.valueOf(environment(name).get(variable)))
            .as("%s %s", name, variable)
            .matches("\\$\\{EDM_[A-Z_]*PASSWORD:\\?.+}"));
        assertThat(String.valueOf(environment("search-api").get("EDM_CURSOR_SECRET")))
            .matches("\\$\\{EDM_CURSOR_SECRET:\\?.+}");
        for (String role : List.of("INGEST", "PARSER", "SEARCH")) {
            assertThat(String.valueOf(environment("db-roles").get("EDM_" + role + "_DB_PASSWORD")))
                .matches("\\$\\{EDM_" + role + "_DB_PASSWORD:\\?.+}");
        }
        assertThat(composeText()).doesNotContain(":-edm}").doesNotContainPattern("PASSWORD:-");
    }

    @Test
    void eachServiceConnectsAsItsOwnRoleWithItsOwnPassword() {
        assertThat(environment("ingest-service")).containsEntry("EDM_DB_USER", "edm_ingest")
            .containsEntry("EDM_DB_PASSWORD", "${EDM_INGEST_DB_PASSWORD:?set EDM_INGEST_DB_PASSWORD}");
        assertThat(environment("parser-worker")).containsEntry("EDM_DB_USER", "edm_parser")
            .containsEntry("EDM_DB_PASSWORD", "${EDM_PARSER_DB_PASSWORD:?set EDM_PARSER_DB_PASSWORD}");
        assertThat(environment("search-api")).containsEntry("EDM_DB_USER", "edm_search")
            .containsEntry("EDM_DB_PASSWORD", "${EDM_SEARCH_DB_PASSWORD:?set EDM_SEARCH_DB_PASSWORD}");
        assertThat(environment("migrations")).containsEntry("EDM_DB_USER", "edm");
        assertThat(service("db-roles").get("command")).isEqualTo(List.of("roles", "--login"));
    }

    @Test
    void everyServiceHasAMemoryLimitThatLeavesRoomAboveItsHeap() {
        for (String name : List.of("ingest-service", "parser-worker", "search-api", "web")) {
            long limit = megabytes(String.valueOf(service(name).get("mem_limit")));
            Matcher xmx = Pattern.compile("-Xmx(\\w+)")
                .matcher(String.valueOf(environment(name).get("JAVA_TOOL_OPTIONS")));
            assertThat(xmx.find()).as("%s sets -Xmx in JAVA_TOOL_OPTIONS", name).isTrue();
            long heap = megabytes(xmx.group(1));
            // metaspace, thread stacks, code cache and direct buffers need roughly
            // 250-400 MB beside the heap
            assertThat(limit).as("%s mem_limit vs heap %d MB", name, heap).isBetween(heap + 256, heap + 512);
        }
    }

    @Test
    void imagesArePinnedToExactVersions() throws IOException {
        // MinIO pins its images by dated release, RELEASE.<UTC timestamp>
        assertThat(services.values()).map(service -> String.valueOf(((Map<?, ?>) service).get("image")))
            .allMatch(
                    image -> image.matches("[a-z0-9./-]+:\\d+\\.\\d+[.\\w-]*")
                            || image.matches("minio/[a-z]+:RELEASE\\.\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z"),
                    "pinned to a version");
        for (String dockerfile : List.of("docker/service.Dockerfile", "docker/migrations.Dockerfile")) {
            assertThat(Files.readAllLines(ROOT.resolve(dockerfile))).filteredOn(line -> line.startsWith("FROM "))
                .allMatch(line -> line.matches("FROM [a-z0-9./-]+:\\d+\\.\\d+\\.\\d+[.\\w-]*"), dockerfile);
        }
    }

    @Test
    void theFirstApiKeyIsCreatedByADocumentedOneShotCommand() throws IOException {
        assertThat(composeText()).contains("docker compose run --rm migrations keys create --name admin");
    }

    @Test
    void ingestAndParserShareTheObjectStoreNotAVolume() {
        for (String name : List.of("ingest-service", "parser-worker")) {
            assertThat(environment(name)).as(name)
                .containsEntry("EDM_STORAGE_TYPE", "s3")
                .containsEntry("EDM_STORAGE_S3_BUCKET", "edm-documents")
                .containsEntry("EDM_STORAGE_S3_ENDPOINT", "http://minio:9000")
                .containsEntry("AWS_ACCESS_KEY_ID", "${EDM_S3_ACCESS_KEY:?set EDM_S3_ACCESS_KEY (MinIO's user)}")
                .containsEntry("AWS_SECRET_ACCESS_KEY",
                        "${EDM_S3_SECRET_KEY:?set EDM_S3_SECRET_KEY (MinIO's password)}");
            assertThat(dependsOn(name)).containsEntry("minio-bucket",
                    Map.of("condition", "service_completed_successfully"));
        }
        // ingest keeps its staging area on a volume; the parser needs none
        assertThat(volumes("ingest-service")).contains("document-files:/var/lib/edm/files");
        assertThat(service("parser-worker")).doesNotContainKey("volumes");
        assertThat(service("minio")).doesNotContainKey("ports");
        assertThat(dependsOn("minio-bucket")).containsEntry("minio", Map.of("condition", "service_healthy"));
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

    private static String composeText() {
        try {
            return Files.readString(ROOT.resolve("docker-compose.yml"));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long megabytes(String size) {
        Matcher matcher = Pattern.compile("(\\d+)([kmg])", Pattern.CASE_INSENSITIVE).matcher(size.strip());
        assertThat(matcher.matches()).as("size %s", size).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> amount / 1024;
            case "g" -> amount * 1024;
            default -> amount;
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> ports(String name) {
        Object ports = service(name).get("ports");
        return ports == null ? List.of() : ((List<Object>) ports).stream().map(String::valueOf).toList();
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
