package org.edm.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.edm.testsupport.TestInfrastructure;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * An outbox on a database of its own (so relays of other tests never touch its rows): a
 * pooled DataSource, the writer, and relays built as the auto-configuration builds them.
 */
final class OutboxFixture implements AutoCloseable {

    final HikariDataSource dataSource;

    final JdbcClient jdbc;

    final TransactionTemplate transactions;

    final OutboxSignal signal = new OutboxSignal();

    final OutboxWriter writer;

    final JsonMapper json = JsonMapper.builder().build();

    private final List<Relay> relays = new ArrayList<>();

    private OutboxFixture(String database, @Nullable String sessionTimeZone, boolean create) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        String url = create ? infrastructure.createDatabase(database) : infrastructure.jdbcUrl(database);
        if (create) {
            infrastructure.migrate(url);
        }
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(infrastructure.username());
        dataSource.setPassword(infrastructure.password());
        dataSource.setMaximumPoolSize(8);
        if (sessionTimeZone != null) {
            // what pgjdbc does for a JVM in that zone when nothing sets the session's
            // zone
            dataSource.setConnectionInitSql("SET TIME ZONE '" + sessionTimeZone + "'");
        }
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        writer = new OutboxWriter(jdbc, json, signal);
    }

    static OutboxFixture onNewDatabase(String database) {
        return new OutboxFixture(database, null, true);
    }

    /**
     * As {@link #onNewDatabase(String)}, with every session of the pool in the given time
     * zone.
     */
    static OutboxFixture onNewDatabaseInZone(String database, String sessionTimeZone) {
        return new OutboxFixture(database, sessionTimeZone, true);
    }

    /**
     * Another pool on a database an earlier fixture created, with its sessions in the
     * given time zone.
     */
    static OutboxFixture onDatabaseInZone(String database, String sessionTimeZone) {
        return new OutboxFixture(database, sessionTimeZone, false);
    }

    /** A relay (not started) whose producer talks to the given bootstrap servers. */
    Relay relay(String bootstrapServers, OutboxSettings settings) {
        var producerFactory = new DefaultKafkaProducerFactory<String, String>(OutboxAutoConfiguration
            .producerProperties(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), settings));
        var template = new KafkaTemplate<>(producerFactory);
        template.setProducerListener(new ProducerListener<>() {
        });
        var registry = new SimpleMeterRegistry();
        var cluster = new KafkaCluster(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Duration.ofSeconds(3));
        var relay = new OutboxRelay(new OutboxRepository(jdbc), transactions, template, settings,
                new OutboxMetrics(registry), signal, cluster);
        var handle = new Relay(relay, producerFactory, registry, cluster);
        relays.add(handle);
        return handle;
    }

    /** Appends one {@link TestEvent} in a transaction of its own and returns it. */
    TestEvent append(String topic, UUID aggregateId, int sequence) {
        var event = new TestEvent(UUID.randomUUID(), aggregateId, sequence, Instant.now());
        transactions.executeWithoutResult(status -> writer
            .append(new OutboxMessage(event.eventId(), topic, "document", aggregateId, "TestHappened", event)));
        return event;
    }

    /**
     * Appends an event with a payload of {@code paddingChars} more characters, in a
     * transaction of its own.
     */
    UUID appendPadded(String topic, UUID aggregateId, int sequence, int paddingChars) {
        UUID eventId = UUID.randomUUID();
        var payload = Map.of("eventId", eventId.toString(), "aggregateId", aggregateId.toString(), "sequence", sequence,
                "padding", "x".repeat(paddingChars));
        transactions.executeWithoutResult(status -> writer
            .append(new OutboxMessage(eventId, topic, "document", aggregateId, "TestHappened", payload)));
        return eventId;
    }

    long unpublished() {
        return jdbc.sql("SELECT count(*) FROM outbox_events WHERE published_at IS NULL").query(Long.class).single();
    }

    /** A local port on which nothing listens: connections are refused at once. */
    static String unreachableBootstrapServers() {
        try (var socket = new ServerSocket(0)) {
            return "127.0.0.1:" + socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        relays.forEach(r -> {
            r.relay().stop();
            r.producerFactory().destroy();
            r.cluster().destroy();
        });
        dataSource.close();
    }

    record Relay(OutboxRelay relay, DefaultKafkaProducerFactory<String, String> producerFactory,
            SimpleMeterRegistry registry, KafkaCluster cluster) {

        double counter(String name) {
            return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
        }

        double gauge(String name) {
            return registry.get(name).gauge().value();
        }

        double timeGaugeMillis(String name) {
            return registry.get(name).timeGauge().value(TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The payload the tests publish: the aggregate and its position in the aggregate's
     * sequence.
     */
    record TestEvent(UUID eventId, UUID aggregateId, int sequence, Instant occurredAt) {
    }

}
