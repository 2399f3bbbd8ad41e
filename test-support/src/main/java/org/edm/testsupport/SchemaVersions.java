package org.edm.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema versions a service test can compare: those the project ships as migration
 * files, and those applied successfully in the database the service is connected to.
 */
public final class SchemaVersions {

    private SchemaVersions() {
    }

    /**
     * The versions of every {@code db/migration/V*.sql} on the class path, as Flyway
     * records them in {@code flyway_schema_history} (underscores written as dots; Flyway
     * itself is not a dependency here).
     */
    public static Set<String> shipped() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*.sql");
            return Stream.of(files)
                .map(Resource::getFilename)
                .filter(Objects::nonNull)
                .map(name -> name.substring(1, name.indexOf("__")).replace('_', '.'))
                .collect(Collectors.toCollection(TreeSet::new));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The versions recorded as applied successfully in {@code flyway_schema_history}. */
    public static Set<String> applied(JdbcClient jdbc) {
        return new TreeSet<>(jdbc.sql("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")
            .query(String.class)
            .list());
    }

}
