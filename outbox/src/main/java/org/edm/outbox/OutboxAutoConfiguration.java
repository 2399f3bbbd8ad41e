package org.edm.outbox;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox writer, and (unless {@code edm.outbox.enabled=false}) the relay with its own
 * Kafka producer (bean {@value #PRODUCER_FACTORY}): String key and value,
 * {@code acks=all}, idempotent, timeouts derived from {@code edm.outbox.send-timeout},
 * everything else from {@code spring.kafka.*}; the service's one shared Kafka admin
 * client ({@link KafkaCluster}), the topic declarations ({@link KafkaTopics}) and, with
 * Spring Boot's health support present, the {@code kafka} health component on the admin
 * client.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        KafkaAutoConfiguration.class, JacksonAutoConfiguration.class })
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties({ OutboxSettings.class, KafkaClusterSettings.class, KafkaTopicSettings.class })
public final class OutboxAutoConfiguration {

    /** Name of the relay's producer factory bean. */
    public static final String PRODUCER_FACTORY = "outboxProducerFactory";

    @Bean
    @ConditionalOnMissingBean
    OutboxSignal outboxSignal() {
        return new OutboxSignal();
    }

    /**
     * The service's one shared Kafka admin client, configured as Spring's
     * {@link KafkaAdmin}.
     */
    @Bean
    @ConditionalOnMissingBean
    KafkaCluster kafkaCluster(ObjectProvider<KafkaAdmin> kafkaAdmin, KafkaProperties kafka,
            KafkaClusterSettings settings) {
        KafkaAdmin admin = kafkaAdmin.getIfAvailable();
        Map<String, Object> properties = admin != null ? admin.getConfigurationProperties()
                : Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        return new KafkaCluster(properties, settings.healthTimeout());
    }

    /** Declares a service's topics with the {@code edm.kafka.topic-*} settings. */
    @Bean
    @ConditionalOnMissingBean
    KafkaTopics kafkaTopics(KafkaTopicSettings settings) {
        return new KafkaTopics(settings);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxWriter outboxWriter(DataSource dataSource, ObjectProvider<JsonMapper> jsonMapper, OutboxSignal signal) {
        return new OutboxWriter(JdbcClient.create(dataSource), jsonMapper.getIfAvailable(JsonMapper::new), signal);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "edm.outbox", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class RelayConfiguration {

        @Bean(name = PRODUCER_FACTORY)
        DefaultKafkaProducerFactory<String, String> outboxProducerFactory(KafkaProperties kafka,
                OutboxSettings settings) {
            return new DefaultKafkaProducerFactory<>(producerProperties(kafka.buildProducerProperties(), settings));
        }

        @Bean
        OutboxMetrics outboxMetrics(ObjectProvider<MeterRegistry> registry) {
            return new OutboxMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
        }

        @Bean
        OutboxRelay outboxRelay(DataSource dataSource, PlatformTransactionManager transactionManager,
                DefaultKafkaProducerFactory<String, String> outboxProducerFactory, OutboxSettings settings,
                OutboxMetrics metrics, OutboxSignal signal, KafkaCluster cluster) {
            var template = new KafkaTemplate<>(outboxProducerFactory);
            // The relay logs one line per failed round; the template's default listener
            // would log every record.
            template.setProducerListener(new ProducerListener<>() {
            });
            return new OutboxRelay(new OutboxRepository(JdbcClient.create(dataSource)),
                    new TransactionTemplate(transactionManager), template, settings, metrics, signal, cluster);
        }

    }

    /**
     * Health component {@code kafka}, when the service has Spring Boot's health support.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AbstractHealthIndicator.class)
    static class HealthConfiguration {

        @Bean(name = "kafka")
        @ConditionalOnMissingBean(name = "kafka")
        KafkaHealthIndicator kafkaHealthIndicator(KafkaCluster cluster) {
            return new KafkaHealthIndicator(cluster);
        }

    }

    /**
     * The application's producer settings with what the relay's guarantees depend on
     * forced.
     */
    static Map<String, Object> producerProperties(Map<String, Object> base, OutboxSettings settings) {
        Map<String, Object> properties = new HashMap<>(base);
        long sendTimeoutMs = settings.sendTimeout().toMillis();
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeoutMs);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (sendTimeoutMs / 2));
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeoutMs / 2);
        properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return properties;
    }

}
