package org.edm.parser.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ConsumerSettingsTest {

    @Test
    void listenerThreadsDefaultToTheAvailableProcessors() {
        // given / when: no concurrency set
        var settings = new ConsumerSettings(null, 10, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60));

        // then
        assertThat(settings.concurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void anExplicitConcurrencyIsKept() {
        var settings = new ConsumerSettings(3, 10, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60));

        assertThat(settings.concurrency()).isEqualTo(3);
    }

}
