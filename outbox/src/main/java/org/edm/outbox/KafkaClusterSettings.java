package org.edm.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shared admin client, {@code edm.kafka.*}.
 *
 * @param healthTimeout how long the health check, and each question of the relay or a
 * metric, waits for the cluster to answer
 */
@ConfigurationProperties("edm.kafka")
record KafkaClusterSettings(@DefaultValue("3s") Duration healthTimeout) {

    KafkaClusterSettings {
        if (healthTimeout.isNegative() || healthTimeout.isZero()) {
            throw new IllegalArgumentException("edm.kafka.health-timeout must be positive: " + healthTimeout);
        }
    }
}
