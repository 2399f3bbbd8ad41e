package org.edm.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.edm.testsupport.RealInfrastructure;
import org.edm.testsupport.SchemaVersions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
@RealInfrastructure
class SearchApiApplicationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void startsAgainstTheMigratedDatabase() {
        // then: the database the service's own connection pool reaches has every
        // migration the project ships
        // applied, the newest included (not only tables that some earlier schema already
        // had)
        var shipped = SchemaVersions.shipped();
        assertThat(shipped).as("migration files on the class path").contains("20261125.1200.001");
        assertThat(SchemaVersions.applied(jdbc)).containsAll(shipped);
    }

}
