package org.edm.ingest;

import java.time.Clock;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngestServiceApplication.class, args);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OpenAPI ingestOpenApi() {
        return new OpenAPI()
            .info(new Info().title("EDM ingest-service")
                .version("v1")
                .description("Upload exchange specifications (PDF). Every accepted upload is stored once and "
                        + "announced once on the Kafka topic documents.uploaded; errors are RFC 9457 problem "
                        + "details with a stable type URI (https://edm.example/problems/<slug>)."))
            .components(new Components().addSecuritySchemes("apiKey",
                    new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API key (edm-migrations keys create) or, in JWT mode, a JWT")))
            .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

}
