package org.edm.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.edm.events.Topics;
import org.edm.testsupport.KafkaTopicReader;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auto-configuration in an application context, as a service gets it from the
 * dependency alone.
 */
class OutboxAutoConfigurationIntegrationTest {

    private static String databaseUrl;

    @BeforeAll
    static void createDatabase() {
        databaseUrl = TestInfrastructure.shared().createDatabase("outbox_autoconfig_test");
        TestInfrastructure.shared().migrate(databaseUrl);
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class, KafkaAutoConfiguration.class,
                JacksonAutoConfiguration.class, OutboxAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + databaseUrl,
                "spring.datasource.username=" + TestInfrastructure.shared().username(),
                "spring.datasource.password=" + TestInfrastructure.shared().password(),
                "spring.kafka.bootstrap-servers=" + TestInfrastructure.shared().bootstrapServers(),
                "edm.outbox.poll-interval=200ms");

    @Test
    void anEventAppendedInATransactionIsPublishedByTheAutoConfiguredRelay() {
        String topic = "outbox.test." + UUID.randomUUID();
        UUID aggregate = UUID.randomUUID();
        try (var reader = KafkaTopicReader.atEnd(topic)) {
            contexts.run(context -> {
                // given
                assertThat(context).hasSingleBean(OutboxWriter.class)
                    .hasSingleBean(OutboxRelay.class)
                    .hasBean(OutboxAutoConfiguration.PRODUCER_FACTORY);
                var transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
                var event = new OutboxFixture.TestEvent(UUID.randomUUID(), aggregate, 0, Instant.now());

                // when
                transactions.executeWithoutResult(status -> context.getBean(OutboxWriter.class)
                    .append(new OutboxMessage(event.eventId(), topic, "document", aggregate, "TestHappened", event)));

                // then
                var records = reader.pollUntil(r -> !r.isEmpty(), Duration.ofSeconds(30));
                assertThat(records).singleElement().satisfies(record -> {
                    assertThat(record.key()).isEqualTo(aggregate.toString());
                    assertThat(new String(record.headers().lastHeader(Topics.EVENT_TYPE_HEADER).value(),
                            StandardCharsets.UTF_8))
                        .isEqualTo("TestHappened");
                });
            });
        }
    }

    @Test
    void withTheRelayDisabledTheWriterIsStillThere() {
        contexts.withPropertyValues("edm.outbox.enabled=false")
            .run(context -> assertThat(context).hasSingleBean(OutboxWriter.class)
                .doesNotHaveBean(OutboxRelay.class)
                .doesNotHaveBean(OutboxAutoConfiguration.PRODUCER_FACTORY));
    }

}
