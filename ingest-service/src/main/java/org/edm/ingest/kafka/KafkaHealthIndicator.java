package org.edm.ingest.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Health component {@code kafka}: UP when the cluster describes itself within {@code edm.kafka.health-timeout},
 * with its id and broker count. Uploads keep working while Kafka is DOWN (events wait in the outbox), so this
 * belongs to the health details, not to readiness.
 */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final KafkaAdmin kafkaAdmin;
    private final KafkaSettings settings;
    private final Object lock = new Object();
    private @Nullable Admin admin;

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin, KafkaSettings settings) {
        super("Kafka health check failed");
        this.kafkaAdmin = kafkaAdmin;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        int timeoutMs = (int) settings.healthTimeout().toMillis();
        DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
        String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
        Collection<Node> nodes = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
        builder.up().withDetail("clusterId", clusterId).withDetail("brokers", nodes.size());
    }

    /** One long-lived admin client: creating one per check would open new connections every time. */
    private Admin admin() {
        synchronized (lock) {
            if (admin == null) {
                admin = Admin.create(kafkaAdmin.getConfigurationProperties());
            }
            return admin;
        }
    }

    @Override
    public void destroy() {
        synchronized (lock) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
                admin = null;
            }
        }
    }
}
