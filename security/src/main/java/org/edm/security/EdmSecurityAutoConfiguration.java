package org.edm.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Access control of an EDM HTTP service, on by being on the classpath. Every request
 * needs a credential (an API key, or a JWT in JWT mode) except the probes {@code /livez}
 * and {@code /readyz}; the service's {@link ApiEndpoints} bean says which scope each
 * endpoint needs; actuator endpoints ({@code /actuator/**}, on the management port) need
 * {@code admin} or a request from a loopback address; {@code GET /api/me} (the caller's
 * name and scopes) needs any valid credential. Sessions and CSRF are off: every request
 * carries its credential.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecuritySettings.class)
@EnableWebSecurity
public class EdmSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EdmSecurityAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    ApiEndpoints apiEndpoints() {
        return ApiEndpoints.builder().build();
    }

    /** {@code GET /api/me}: the caller's name and scopes. */
    @Bean
    CallerController edmCallerController() {
        return new CallerController();
    }

    /**
     * Lazy: only a service that pages with cursors creates it (and warns about a missing
     * secret).
     */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    CursorSigner cursorSigner(SecuritySettings settings) {
        String secret = settings.cursorSecret();
        if (secret == null || secret.isBlank()) {
            log.warn("edm.security.cursor-secret (EDM_CURSOR_SECRET) is not set: paging cursors are signed with a "
                    + "random secret of this process and become invalid after a restart or on another instance");
            return CursorSigner.withRandomSecret();
        }
        return new CursorSigner(secret);
    }

    /**
     * The JWT decoder of JWT mode (absent otherwise): keys from the JWK set URI, or from
     * the issuer's discovery document on first use; expiry and, when an issuer is set,
     * {@code iss} are checked.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnJwtMode
    JwtDecoder edmJwtDecoder(SecuritySettings settings) {
        SecuritySettings.Jwt jwt = settings.jwt();
        if (jwt.jwkSetUri() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri().toString()).build();
            decoder.setJwtValidator(jwt.issuerUri() == null ? JwtValidators.createDefault()
                    : JwtValidators.createDefaultWithIssuer(jwt.issuerUri().toString()));
            return decoder;
        }
        String issuer = String.valueOf(jwt.issuerUri());
        return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(issuer));
    }

    /**
     * No user names and passwords (and no generated password in the log): keys and JWTs
     * only.
     */
    @Bean
    @ConditionalOnMissingBean
    AuthenticationManager noPasswordLogins() {
        return authentication -> {
            throw new ProviderNotFoundException("only API keys and JWTs are accepted");
        };
    }

    @Bean
    SecurityFilterChain edmSecurityFilterChain(HttpSecurity http, SecuritySettings settings, ApiEndpoints endpoints,
            JdbcClient jdbc, ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        ProblemResponses problems = new ProblemResponses(endpoints);
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        boolean jwtMode = decoder != null;
        ApiKeyStore keys = new ApiKeyStore(jdbc, settings.lastUsedInterval());
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .httpBasic(basic -> basic.disable())
            .formLogin(form -> form.disable())
            .logout(logout -> logout.disable())
            .exceptionHandling(
                    exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .authorizeHttpRequests(requests -> {
                requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                requests.requestMatchers("/livez", "/readyz").permitAll();
                requests.requestMatchers("/actuator/**").access(adminOrLoopback(settings.management()));
                // who am I: any valid credential, before the services' own /api/** rules
                requests.requestMatchers(PathPatternRequestMatcher.pathPattern(HttpMethod.GET, CallerController.PATH))
                    .authenticated();
                for (ApiEndpoints.Route route : endpoints.routes()) {
                    requests.requestMatchers(route.matcher()).hasAuthority(ScopeAuthorities.authority(route.scope()));
                }
                requests.anyRequest().authenticated();
            })
            .addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems, jwtMode, Clock.systemUTC()),
                    BearerTokenAuthenticationFilter.class)
            .addFilterAfter(new RateLimitFilter(endpoints, settings.rateLimit(), problems), AuthorizationFilter.class);
        if (decoder != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer.bearerTokenResolver(jwtShapedBearer())
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems)
                .jwt(jwt -> jwt.decoder(decoder)
                    .jwtAuthenticationConverter(new JwtScopes(settings.jwt().rolesClaim()))));
        }
        return http.build();
    }

    /**
     * The JWT filter takes only Bearer values shaped like a JWT; API keys are the other
     * filter's.
     */
    private static BearerTokenResolver jwtShapedBearer() {
        return request -> {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return null;
            }
            String token = authorization.substring(7).strip();
            return ApiKeyAuthenticationFilter.looksLikeJwt(token) ? token : null;
        };
    }

    private static AuthorizationManager<RequestAuthorizationContext> adminOrLoopback(
            SecuritySettings.Management management) {
        return (authentication, context) -> new AuthorizationDecision(
                (management.allowLocalhost() && isLoopback(context.getRequest())) || hasAdmin(authentication.get()));
    }

    private static boolean hasAdmin(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && authentication.getAuthorities()
                    .stream()
                    .anyMatch(granted -> ScopeAuthorities.authority(Scopes.ADMIN).equals(granted.getAuthority()));
    }

    private static boolean isLoopback(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        }
        catch (UnknownHostException e) {
            return false;
        }
    }

}
