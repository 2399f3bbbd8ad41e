package org.edm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The shared infrastructure is real, and survives the outages that fault tests cause. */
class TestInfrastructureTest {

    private final TestInfrastructure infrastructure = TestInfrastructure.shared();

    @Test
    void kafkaDeliversARecordToAPlainConsumer() throws Exception {
        String topic = "test-support-" + UUID.randomUUID();
        try (var reader = KafkaTopicReader.atEnd(topic)) {
            send(topic, "k", "hello");

            assertThat(reader.pollUntil(r -> !r.isEmpty(), Duration.ofSeconds(30))).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo("hello"));
        }
    }

    @Test
    void kafkaComesBackOnTheSamePortWithItsDataAfterAnOutage() throws Exception {
        assumeTrue(infrastructure.supportsOutages());
        String topic = "outage-" + UUID.randomUUID();
        try (var reader = KafkaTopicReader.atEnd(topic)) {
            send(topic, "k", "before");
            reader.pollUntil(r -> r.size() == 1, Duration.ofSeconds(30));

            infrastructure.stopKafka();
            try {
                assertThatThrownBy(() -> send(topic, "k", "during")).isInstanceOf(Exception.class);
            }
            finally {
                infrastructure.startKafka();
            }
            send(topic, "k", "after");

            assertThat(reader.pollUntil(r -> r.size() == 2, Duration.ofSeconds(60)).get(1).value()).isEqualTo("after");
        }
    }

    @Test
    void postgresComesBackWithItsDataAfterAnOutage() {
        assumeTrue(infrastructure.supportsOutages());
        String database = "outage_" + UUID.randomUUID().toString().substring(0, 8);
        infrastructure.createDatabase(database);
        JdbcClient jdbc = JdbcClient.create(infrastructure.dataSource(database));
        jdbc.sql("CREATE TABLE kept (value text)").update();
        jdbc.sql("INSERT INTO kept VALUES ('still here')").update();

        infrastructure.stopPostgres();
        try {
            assertThatThrownBy(() -> jdbc.sql("SELECT count(*) FROM kept").query(Long.class).single())
                .isInstanceOf(Exception.class);
        }
        finally {
            infrastructure.startPostgres();
        }

        assertThat(jdbc.sql("SELECT value FROM kept").query(String.class).single()).isEqualTo("still here");
    }

    private void send(String topic, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.bootstrapServers(), ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

}
