package org.edm.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;

/**
 * JWT mode: {@code edm.security.jwt.issuer-uri} or {@code edm.security.jwt.jwk-set-uri}
 * is set.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnJwtMode.JwtModeCondition.class)
@interface ConditionalOnJwtMode {

    final class JwtModeCondition extends AnyNestedCondition {

        JwtModeCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("edm.security.jwt.issuer-uri")
        static final class IssuerUri {

        }

        @ConditionalOnProperty("edm.security.jwt.jwk-set-uri")
        static final class JwkSetUri {

        }

    }

}
