package org.edm.testsupport;

import org.testcontainers.kafka.KafkaContainer;

/**
 * Apache Kafka (KRaft) in a Testcontainers container, used when a Docker engine answers.
 */
final class ContainerKafka implements TestInfrastructure.KafkaServer {

    private final KafkaContainer container;

    ContainerKafka() {
        container = new KafkaContainer("apache/kafka:4.1.1").withEnv("KAFKA_NUM_PARTITIONS", "3")
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true");
        container.start();
    }

    @Override
    public String kind() {
        return "Testcontainers";
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void pause() {
        throw new UnsupportedOperationException("outages need the embedded infrastructure (see supportsOutages())");
    }

    @Override
    public void resume() {
        throw new UnsupportedOperationException("outages need the embedded infrastructure (see supportsOutages())");
    }

    @Override
    public void stop() {
        container.stop();
    }

}
