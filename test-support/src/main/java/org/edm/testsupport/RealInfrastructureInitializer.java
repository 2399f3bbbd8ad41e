package org.edm.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring application context at the shared {@link TestInfrastructure}:
 * datasource and Kafka bootstrap servers. The schema is already migrated, so applications
 * never run Flyway themselves.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        context.getEnvironment()
            .getPropertySources()
            .addFirst(new MapPropertySource("edm-test-infrastructure",
                    Map.of("spring.datasource.url", infrastructure.jdbcUrl(), "spring.datasource.username",
                            infrastructure.username(), "spring.datasource.password", infrastructure.password(),
                            "spring.kafka.bootstrap-servers", infrastructure.bootstrapServers(),
                            "spring.flyway.enabled", "false")));
    }

}
