package org.edm.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;

/**
 * One long-lived Kafka admin client per service, shared by the {@code kafka} health
 * indicator, the outbox relay (is a topic missing, or is the broker away?) and metrics
 * such as a dead-letter topic's depth. Creating an admin client per question would open
 * new connections every time. Every call is bounded by {@code timeout}
 * ({@code edm.kafka.health-timeout}).
 */
public final class KafkaCluster implements DisposableBean {

    private final Map<String, Object> adminProperties;

    private final Duration timeout;

    private final Object lock = new Object();

    private @Nullable Admin admin;

    KafkaCluster(Map<String, Object> adminProperties, Duration timeout) {
        this.adminProperties = new HashMap<>(adminProperties);
        this.timeout = timeout;
    }

    /**
     * The cluster's id and broker count; throws when the cluster does not answer within
     * the timeout.
     */
    public Description describe() throws ExecutionException, InterruptedException, TimeoutException {
        int timeoutMs = (int) timeout.toMillis();
        DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
        String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
        int brokers = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
        return new Description(clusterId, brokers);
    }

    /** Whether the topic exists, as far as the cluster answers within the timeout. */
    TopicState topicState(String topic) {
        int timeoutMs = (int) timeout.toMillis();
        try {
            admin().describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(timeoutMs))
                .allTopicNames()
                .get(timeoutMs, TimeUnit.MILLISECONDS);
            return TopicState.EXISTS;
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return TopicState.MISSING;
            }
            if (e.getCause() instanceof TopicAuthorizationException) {
                return TopicState.NOT_AUTHORISED;
            }
            return TopicState.UNKNOWN;
        }
        catch (TimeoutException | RuntimeException e) {
            return TopicState.UNKNOWN;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TopicState.UNKNOWN;
        }
    }

    /**
     * Records currently held by the topic (end offset minus log start offset, summed over
     * its partitions): for a topic nobody consumes, such as a dead-letter topic, its
     * depth. 0 when the topic does not exist.
     */
    public long recordCount(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        int timeoutMs = (int) timeout.toMillis();
        TopicDescription description;
        try {
            description = admin().describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(timeoutMs))
                .allTopicNames()
                .get(timeoutMs, TimeUnit.MILLISECONDS)
                .get(topic);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw e;
        }
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(p -> {
            earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
            latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
        });
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin().listOffsets(earliest)
            .all()
            .get(timeoutMs, TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(latest)
            .all()
            .get(timeoutMs, TimeUnit.MILLISECONDS);
        long count = 0;
        for (var end : ends.entrySet()) {
            count += end.getValue().offset() - starts.get(end.getKey()).offset();
        }
        return count;
    }

    private Admin admin() {
        synchronized (lock) {
            if (admin == null) {
                admin = Admin.create(adminProperties);
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

    /** What {@link #describe()} found. */
    public record Description(String clusterId, int brokers) {
    }

    /** What the cluster says about a topic. */
    enum TopicState {

        EXISTS, MISSING, NOT_AUTHORISED, UNKNOWN

    }

}
