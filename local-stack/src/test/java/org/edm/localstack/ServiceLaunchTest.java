package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.edm.migrations.roles.ServiceRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the stack starts each service, without starting it: secrets only in the environment
 * (the command line is visible to every user through ps), the service's own database
 * role, the bind address and ports.
 */
class ServiceLaunchTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path servicesDir;

    private LocalStack stack;

    private StackSecrets secrets;

    @BeforeEach
    void stackWithGeneratedSecrets() throws IOException {
        for (String service : List.of("ingest-service", "parser-worker", "search-api")) {
            Path target = Files.createDirectories(servicesDir.resolve(service).resolve("target"));
            Files.createFile(target.resolve(service + "-0.1.0-SNAPSHOT-exec.jar"));
        }
        StackSettings settings = StackSettings.parse(new String[] { "--data-dir=" + dataDir,
                "--services-dir=" + servicesDir, "--db-url=jdbc:postgresql://localhost:5433/edm?user=postgres",
                "--db-password=owner-secret", "--service-property=edm.upload.max-size=500MB" }, Map.of(), Path.of("/"));
        stack = new LocalStack(settings);
        stack.loadSecrets();
        secrets = StackSecrets.loadOrCreate(dataDir);
    }

    @Test
    void noPasswordOrSecretIsOnAnyServiceCommandLine() throws IOException {
        for (String service : List.of("ingest-service", "parser-worker", "search-api")) {
            // when
            String commandLine = String.join(" ", stack.launch(service).command());

            // then
            assertThat(commandLine).as(service)
                .doesNotContain("owner-secret")
                .doesNotContain(secrets.cursorSecret())
                .doesNotContainIgnoringCase("password")
                .doesNotContain("datasource");
            for (ServiceRole role : ServiceRole.values()) {
                assertThat(commandLine).as(service).doesNotContain(secrets.password(role));
            }
        }
    }

    @Test
    void searchConnectionsFollowThisMachinesCoresWhenPostgresqlIsTheEmbeddedOne() throws IOException {
        // given: no --db-url, so PostgreSQL runs on this machine
        LocalStack embedded = new LocalStack(StackSettings
            .parse(new String[] { "--data-dir=" + dataDir, "--services-dir=" + servicesDir }, Map.of(), Path.of("/")));
        embedded.loadSecrets();

        // when
        ServiceLaunch search = embedded.launch("search-api");

        // then
        assertThat(search.environment()).containsEntry("EDM_SEARCH_DB_POOL_SIZE",
                String.valueOf(2 * Runtime.getRuntime().availableProcessors()));
        assertThat(embedded.launch("ingest-service").environment()).doesNotContainKey("EDM_SEARCH_DB_POOL_SIZE");
    }

    @Test
    void eachServiceLogsInAsItsOwnRoleWithItsPasswordFromTheEnvironment() throws IOException {
        // when
        ServiceLaunch search = stack.launch("search-api");
        ServiceLaunch ingest = stack.launch("ingest-service");
        ServiceLaunch parser = stack.launch("parser-worker");

        // then
        assertThat(search.environment()).containsEntry("EDM_DB_USER", "edm_search")
            .containsEntry("EDM_DB_PASSWORD", secrets.password(ServiceRole.SEARCH))
            .containsEntry("EDM_CURSOR_SECRET", secrets.cursorSecret())
            .containsEntry("EDM_MANAGEMENT_PORT", "9082")
            // the owner named in the URL would win over the role
            .containsEntry("EDM_DB_URL", "jdbc:postgresql://localhost:5433/edm")
            // an existing PostgreSQL (--db-url): its cores are unknown, the service's
            // default stands
            .doesNotContainKey("EDM_SEARCH_DB_POOL_SIZE");
        assertThat(ingest.environment()).containsEntry("EDM_DB_USER", "edm_ingest")
            .containsEntry("EDM_DB_PASSWORD", secrets.password(ServiceRole.INGEST))
            .containsEntry("EDM_MANAGEMENT_PORT", "9081")
            .doesNotContainKey("EDM_CURSOR_SECRET");
        assertThat(parser.environment()).containsEntry("EDM_DB_USER", "edm_parser")
            .containsEntry("EDM_DB_PASSWORD", secrets.password(ServiceRole.PARSER));
        assertThat(ServiceRole.values()).extracting(secrets::password)
            .doesNotHaveDuplicates()
            .allMatch(password -> password.length() >= 40);
    }

    @Test
    void servicesListenOnLoopbackAndAreAwaitedOnTheirReadinessProbe() throws IOException {
        // when
        ServiceLaunch search = stack.launch("search-api");

        // then
        assertThat(search.command()).contains("--server.port=8082", "--server.address=127.0.0.1",
                "--management.server.address=127.0.0.1", "--edm.upload.max-size=500MB");
        assertThat(search.readiness()).hasToString("http://127.0.0.1:8082/readyz");
        assertThat(search.toString()).doesNotContain(secrets.cursorSecret());
        // parser-worker's Actuator shares its port by default: Boot refuses a separate
        // management address then
        assertThat(stack.launch("parser-worker").command()).contains("--server.address=127.0.0.1")
            .noneMatch(argument -> argument.startsWith("--management.server.address"));
    }

    @Test
    void secretsAreKeptOwnerOnlyAndStayTheSameAcrossStarts() throws IOException {
        // when
        StackSecrets again = StackSecrets.loadOrCreate(dataDir);

        // then
        assertThat(again).usingRecursiveComparison().isEqualTo(secrets);
        assertThat(
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(StackSecrets.FILE_NAME))))
            .isEqualTo("rw-------");
    }

    @Test
    void aSecondParserWorkerRunsOnPortsTenAboveTheFirstWithItsOwnClientIdAndStaticMemberName() throws IOException {
        // when
        ServiceLaunch first = stack.launch("parser-worker");
        ServiceLaunch second = stack.extraParserWorker(2);

        // then: same role, secrets and settings; its own ports, Kafka client id and
        // static member name
        assertThat(first.environment()).containsEntry("EDM_PARSER_CONSUMER_INSTANCE_ID", "parser-worker");
        assertThat(second.environment()).containsEntry("EDM_PARSER_CONSUMER_INSTANCE_ID", "parser-worker-2");
        assertThat(second.name()).isEqualTo("parser-worker-2");
        assertThat(second.port()).isEqualTo(first.port() + 10);
        assertThat(second.readiness().getPort()).isEqualTo(first.port() + 10);
        assertThat(second.environment()).containsEntry("EDM_DB_USER", first.environment().get("EDM_DB_USER"))
            .containsEntry("EDM_MANAGEMENT_PORT", String.valueOf(first.port() + 10));
        assertThat(second.command())
            .contains("--server.port=" + (first.port() + 10), "--management.server.port=" + (first.port() + 10),
                    "--spring.kafka.consumer.client-id=parser-worker-2", "--edm.upload.max-size=500MB")
            .doesNotContain("--server.port=" + first.port());
    }

    @Test
    void theParserWorkersOptionIsTakenOutOfTheLauncherArguments() {
        var args = new java.util.ArrayList<>(List.of("--data-dir=x", "--parser-workers=2"));

        assertThat(LocalStack.parserWorkers(args)).isEqualTo(2);
        assertThat(args).containsExactly("--data-dir=x");
        assertThat(LocalStack.parserWorkers(new java.util.ArrayList<>(List.of("--data-dir=x")))).isOne();
    }

}
