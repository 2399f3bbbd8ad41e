package org.edm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.edm.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
@RealInfrastructure
class IngestServiceApplicationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void startsAgainstTheMigratedDatabase() {
        Integer tables = jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('documents', 'sections')")
                .query(Integer.class).single();
        assertThat(tables).isEqualTo(2);
    }
}
