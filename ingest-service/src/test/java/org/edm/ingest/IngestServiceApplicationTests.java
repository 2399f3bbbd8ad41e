package org.edm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngestServiceApplicationTests extends IngestIntegrationTest {

    @Test
    void startsAgainstTheMigratedDatabase() {
        Integer tables = jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('documents', 'sections')")
                .query(Integer.class).single();
        assertThat(tables).isEqualTo(2);
    }
}
