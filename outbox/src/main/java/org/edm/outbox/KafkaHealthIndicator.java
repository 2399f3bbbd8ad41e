package org.edm.outbox;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health component {@code kafka} of every service with the outbox: UP when the cluster
 * describes itself within {@code edm.kafka.health-timeout}, with its id and broker count,
 * through the service's one shared {@link KafkaCluster} admin client. Work keeps going
 * while Kafka is DOWN (events wait in the outbox), so the services keep it out of
 * readiness.
 */
final class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final KafkaCluster cluster;

    KafkaHealthIndicator(KafkaCluster cluster) {
        super("Kafka health check failed");
        this.cluster = cluster;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        KafkaCluster.Description description = cluster.describe();
        builder.up().withDetail("clusterId", description.clusterId()).withDetail("brokers", description.brokers());
    }

}
