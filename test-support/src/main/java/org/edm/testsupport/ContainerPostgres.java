package org.edm.testsupport;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL 16 in a Testcontainers container, used when a Docker engine answers. */
final class ContainerPostgres implements TestInfrastructure.PostgresServer {

    private final PostgreSQLContainer container;

    ContainerPostgres() {
        container = new PostgreSQLContainer("postgres:16-alpine").withDatabaseName("postgres")
            .withUsername("postgres")
            .withPassword("postgres")
            .withCommand("postgres", "-c", "max_connections=400", "-c", "fsync=off");
        container.start();
    }

    @Override
    public String kind() {
        return "Testcontainers";
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
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
