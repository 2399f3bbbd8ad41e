package org.edm.parser.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ConsumerSettingsTest {

    @Test
    void listenerThreadsDefaultToTheAvailableProcessors() {
        // given / when: no concurrency set
        var settings = new ConsumerSettings(null, 10, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), null);

        // then
        assertThat(settings.concurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void anExplicitConcurrencyIsKept() {
        var settings = new ConsumerSettings(3, 10, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), null);

        assertThat(settings.concurrency()).isEqualTo(3);
    }

    @Test
    void anInstanceIdIsOneNameWithoutSpacesOrSeparatorsKafkaWouldMisread() {
        assertThat(
                new ConsumerSettings(1, 10, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), "parser-worker-2.a_b")
                    .instanceId())
            .isEqualTo("parser-worker-2.a_b");
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ConsumerSettings(1, 10, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), "parser worker"))
            .withMessageContaining("edm.parser.consumer.instance-id");
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ConsumerSettings(1, 10, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), "${HOSTNAME}"));
    }

}
