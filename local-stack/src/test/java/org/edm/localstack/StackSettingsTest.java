package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void defaultsAreTheDocumentedPortsAndDataDirectory() {
        StackSettings settings = StackSettings.parse(new String[0], Map.of(), Path.of("/repo"));

        assertThat(settings.postgresPort()).isEqualTo(5433);
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.ingestPort()).isEqualTo(8081);
        assertThat(settings.searchPort()).isEqualTo(8082);
        assertThat(settings.parserPort()).isEqualTo(8083);
        assertThat(settings.dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/edm");
        assertThat(settings.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(settings.startServices()).isTrue();
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.ingestManagementPort()).isEqualTo(9081);
        assertThat(settings.searchManagementPort()).isEqualTo(9082);
        assertThat(settings.parserManagementPort()).isEqualTo(8083);
    }

    @Test
    void bindAddressComesFromTheFlagOrTheEnvironmentAndAWildcardIsReachedOnLoopback() {
        StackSettings fromFlag = StackSettings.parse(new String[] { "--bind=0.0.0.0", "--search-management-port=9992" },
                Map.of("EDM_BIND_ADDRESS", "10.0.0.5"), Path.of("/repo"));
        StackSettings fromEnvironment = StackSettings.parse(new String[0], Map.of("EDM_BIND_ADDRESS", "10.0.0.5"),
                Path.of("/repo"));

        assertThat(fromFlag.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(fromFlag.serviceHost()).isEqualTo("127.0.0.1");
        assertThat(fromFlag.searchManagementPort()).isEqualTo(9992);
        assertThat(fromEnvironment.serviceHost()).isEqualTo("10.0.0.5");
    }

    @Test
    void servicesGetTheJdbcUrlWithoutTheOwnersCredentials() {
        StackSettings settings = StackSettings.parse(
                new String[] { "--db-url=jdbc:postgresql://db:5432/edm?user=postgres&ssl=true&password=x" }, Map.of(),
                Path.of("/repo"));

        assertThat(settings.serviceJdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/edm?ssl=true");
    }

    @Test
    void environmentChoosesDataDirectoryAndExternalInfrastructureAndFlagsWin() {
        StackSettings settings = StackSettings.parse(
                new String[] { "--kafka=broker:1234" }, Map.of("EDM_DATA_DIR", "/srv/edm", "EDM_DB_URL",
                        "jdbc:postgresql://db:5432/edm", "EDM_KAFKA_BOOTSTRAP_SERVERS", "other:9092"),
                Path.of("/repo"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/edm"));
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/edm");
        assertThat(settings.bootstrapServers()).isEqualTo("broker:1234");
    }

    @Test
    void servicePropertiesAreCollectedForEveryService() {
        StackSettings settings = StackSettings.parse(new String[] { "--service-property=edm.upload.max-size=500MB",
                "--service-property=logging.level.org.edm=DEBUG" }, Map.of(), Path.of("/repo"));

        assertThat(settings.serviceProperties()).containsEntry("edm.upload.max-size", "500MB")
            .containsEntry("logging.level.org.edm", "DEBUG");
    }

    @Test
    void unknownOptionsAndBadPortsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> StackSettings.parse(new String[] { "--colour=red" }, Map.of(), Path.of("/")))
            .hasMessageContaining("colour");
        assertThatThrownBy(() -> StackSettings.parse(new String[] { "--ingest-port=http" }, Map.of(), Path.of("/")))
            .hasMessageContaining("--ingest-port must be a port number");
    }

    @Test
    void dropFolderTakesTitleAndVersionFromTheFileName() {
        assertThat(DropFolder.titleAndVersion("Nasdaq.BxEquities.Orders.Ouch.v4.2"))
            .containsExactly("Nasdaq.BxEquities.Orders.Ouch", "4.2");
        assertThat(DropFolder.titleAndVersion("Siac.Cqs.Output.Cta.v2.10.a")).containsExactly("Siac.Cqs.Output.Cta",
                "2.10.a");
        assertThat(DropFolder.titleAndVersion("ITCH_version_5.0")).containsExactly("ITCH", "5.0");
        assertThat(DropFolder.titleAndVersion("NQTVITCHspecification")).containsExactly("NQTVITCHspecification", "1");
    }

}
