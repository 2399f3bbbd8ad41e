package org.edm.localstack;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test of the whole running system: before the class's tests the JVM's one
 * {@link SharedStack} is started (on first use), and the class's fields of these types
 * are set, static ones before {@code @BeforeAll}, instance ones on each test instance:
 * {@link SharedStack}, {@link SystemClient} (with the stack's admin key),
 * {@link JdbcClient} on the system's database and {@link TestInfrastructure}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SystemTest.RunningSystem.class)
@interface SystemTest {

    /**
     * Starts the stack once and hands it, a client and the database to the test class's
     * fields.
     */
    final class RunningSystem implements BeforeAllCallback, TestInstancePostProcessor {

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            inject(context.getRequiredTestClass(), null);
        }

        @Override
        public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
            inject(testInstance.getClass(), testInstance);
        }

        private static void inject(Class<?> testClass, Object instance) throws Exception {
            for (Field field : testClass.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) == (instance == null)) {
                    Object value = valueFor(field.getType());
                    if (value != null) {
                        field.setAccessible(true);
                        field.set(instance, value);
                    }
                }
            }
        }

        private static Object valueFor(Class<?> type) throws Exception {
            if (type == SharedStack.class) {
                return SharedStack.get();
            }
            if (type == SystemClient.class) {
                return new SystemClient(SharedStack.get());
            }
            if (type == JdbcClient.class) {
                SharedStack.get();
                return JdbcClient.create(TestInfrastructure.shared().dataSource());
            }
            if (type == TestInfrastructure.class) {
                return TestInfrastructure.shared();
            }
            return null;
        }

    }

}
