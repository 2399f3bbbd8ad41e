package org.edm.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.edm.testsupport.SchemaVersions;
import org.junit.jupiter.api.Test;

class ParserWorkerApplicationTest extends WorkerIntegrationTest {

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
