package org.edm.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class OutboxSettingsTest {

    @Test
    void backoffGrowsExponentiallyUpToItsMaximum() {
        var backoff = new OutboxSettings.Backoff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(3));

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void defaultLockKeyIsTheDocumentedConstant() {
        assertThat(OutboxSettings.defaults().lockKey()).isEqualTo(7306084537412711522L);
    }

    @Test
    void rejectsASendTimeoutTooShortForKafkasTimeouts() {
        assertThatThrownBy(
                () -> new OutboxSettings(true, Duration.ofMillis(500), 100, OutboxSettings.Backoff.defaults(),
                        Duration.ofSeconds(1), Duration.ofDays(7), Duration.ofHours(1), 1L, 5, Duration.ofDays(30)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void producerIsIdempotentWithStringsAndTimeoutsFromTheSettings() {
        Map<String, Object> properties = OutboxAutoConfiguration.producerProperties(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092", ProducerConfig.ACKS_CONFIG, "0",
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-"),
                OutboxSettings.defaults());

        assertThat(properties).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
            .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
            .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
            .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000)
            .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)
            .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    }

}
