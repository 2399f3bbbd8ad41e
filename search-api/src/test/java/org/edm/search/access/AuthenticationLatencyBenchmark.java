package org.edm.search.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import jakarta.servlet.Filter;

import org.edm.search.SearchApiApplication;
import org.edm.search.support.TestDocuments;
import org.edm.testsupport.RealInfrastructureInitializer;
import org.edm.testsupport.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The latency authentication adds to a simple search: the same search-api, once as
 * shipped (API key checked on every request: one indexed read of {@code api_keys}, scope
 * check; rate limits off in both) and once without Spring Security's servlet filter, each
 * answering the same one-word search over real HTTP on one connection; prints p50 and p95
 * of each. Run:
 * {@code mvn -B -pl search-api -am -Pbenchmark test -Dtest=AuthenticationLatencyBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AuthenticationLatencyBenchmark {

    private static final int WARM_UP = 500;

    private static final int MEASURED = 3000;

    @Test
    void printsTheP50OfASearchWithAndWithoutAuthentication() throws Exception {
        String word = TestDocuments.uniqueWord();
        TestDocuments data = new TestDocuments();
        var document = data.document("Latency " + word, "1.0", "done");
        for (int i = 0; i < 20; i++) {
            data.section(document, null, 1, i, "Section " + i, "Text about " + word + " number " + i, i + 1);
        }
        String key = TestApiKeys.shared().create("documents:read");

        try (ConfigurableApplicationContext secured = start(); ConfigurableApplicationContext open = start(UNSECURED)) {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest withKey = request(port(secured), word, key);
            HttpRequest withoutKey = request(port(open), word, null);
            for (int i = 0; i < WARM_UP; i++) {
                send(client, withKey);
                send(client, withoutKey);
            }
            // alternating, so that both see the same JIT state and the same load of a
            // shared machine
            long[] withAuth = new long[MEASURED];
            long[] without = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                withAuth[i] = timed(client, withKey);
                without[i] = timed(client, withoutKey);
            }
            Arrays.sort(withAuth);
            Arrays.sort(without);
            System.out.printf(
                    "search p50/p95 with authentication: %.3f / %.3f ms; without: %.3f / %.3f ms; "
                            + "added p50: %.3f ms (n=%d each)%n",
                    ms(withAuth, 50), ms(withAuth, 95), ms(without, 50), ms(without, 95),
                    ms(withAuth, 50) - ms(without, 50), MEASURED);
        }
    }

    /**
     * Without Spring Security's servlet filter on the public port: the baseline without
     * authentication.
     */
    private static final String UNSECURED = "--spring.autoconfigure.exclude="
            + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration";

    /**
     * Registers the security filter chain disabled, so that the servlet container never
     * calls it.
     */
    @Configuration(proxyBeanMethods = false)
    static class SecurityFilterOff {

        @Bean
        FilterRegistrationBean<Filter> securityFilterOff(@Qualifier("springSecurityFilterChain") Filter filter) {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
            registration.setEnabled(false);
            return registration;
        }

    }

    private static ConfigurableApplicationContext start(String... extra) {
        String[] args = { "--server.port=0", "--management.server.port=0", "--edm.security.rate-limit.enabled=false",
                "--logging.level.root=WARN" };
        String[] all = Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        // command-line arguments and the test initializer outrank application.yml (plain
        // default properties do not)
        Class<?>[] sources = extra.length == 0 ? new Class<?>[] { SearchApiApplication.class }
                : new Class<?>[] { SearchApiApplication.class, SecurityFilterOff.class };
        return new SpringApplicationBuilder(sources).initializers(new RealInfrastructureInitializer()).run(all);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static HttpRequest request(int port, String word, String key) {
        HttpRequest.Builder builder = HttpRequest
            .newBuilder(URI.create("http://localhost:" + port + "/api/search?q=" + word));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder.build();
    }

    private static long timed(HttpClient client, HttpRequest request) throws Exception {
        long started = System.nanoTime();
        send(client, request);
        return System.nanoTime() - started;
    }

    private static void send(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    private static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }

}
