package org.edm.parser.consume;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** {@code /actuator/health/kafka}: up when the cluster answers a describe-cluster request within 3 seconds. */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private static final int TIMEOUT_MS = 3000;

    private final KafkaAdmin admin;

    KafkaHealthIndicator(KafkaAdmin admin) {
        super("Kafka health check failed");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Admin client = Admin.create(admin.getConfigurationProperties());
        try {
            DescribeClusterResult cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
            builder.up()
                    .withDetail("clusterId", cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS))
                    .withDetail("nodes", cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size());
        } finally {
            client.close(Duration.ofSeconds(1));
        }
    }
}
