package org.edm.parser.consume;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Kafka static group membership (KIP-345) for this worker's consumers when
 * {@code edm.parser.consumer.instance-id} is set: each consumer joins its group as
 * {@code <instance-id>-<listener id>-<n>} ({@code -<n>} added by Spring Kafka per
 * consumer thread). A worker restarted with the same instance id takes its partitions
 * back at once; with dynamic membership its group first waits for the killed members'
 * sessions to expire (45 s by default) and no document of its partitions is parsed
 * meanwhile. The id must be unique per worker process in the cluster: a second process
 * with the same id fences the first one's consumers. Every listener container factory of
 * the worker applies the one {@code ContainerCustomizer} bean made here.
 */
final class StaticMembership {

    private StaticMembership() {
    }

    /**
     * A container customizer that sets {@code group.instance.id}; one that changes
     * nothing when {@code instanceId} is blank.
     */
    static ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> customizer(
            @Nullable String instanceId) {
        if (instanceId == null || instanceId.isBlank()) {
            return container -> {
            };
        }
        return container -> container.getContainerProperties()
            .getKafkaConsumerProperties()
            .setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                    groupInstanceId(instanceId.strip(), container.getListenerId()));
    }

    static String groupInstanceId(String instanceId, @Nullable String listenerId) {
        return listenerId == null ? instanceId : instanceId + "-" + listenerId;
    }

}
