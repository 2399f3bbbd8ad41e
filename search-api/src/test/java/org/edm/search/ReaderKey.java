package org.edm.search;

import org.edm.testsupport.TestApiKeys;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * Import beside {@code @AutoConfigureRestTestClient}: the test's client sends a
 * {@code documents:read} key (created in the test database) with every request, as every
 * client of this API must.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReaderKey {

    @Bean
    RestTestClientBuilderCustomizer readerKey() {
        String key = TestApiKeys.shared().create("documents:read");
        return builder -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key);
    }

}
