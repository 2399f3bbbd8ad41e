package org.edm.ingest.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class StorageKeysTest {

    @Test
    void keyIsDerivedFromTheIdAndReadsBack() {
        UUID id = UUID.fromString("3f2a5c1e-0000-4000-8000-000000000001");

        String key = StorageKeys.forDocument(id);

        assertThat(key).isEqualTo("3f/3f2a5c1e-0000-4000-8000-000000000001.pdf");
        assertThat(StorageKeys.documentIdOf(key)).contains(id);
    }

    @Test
    void foreignNamesAreNotDocumentKeys() {
        assertThat(StorageKeys.documentIdOf("ab/notes.txt")).isEmpty();
        assertThat(StorageKeys.documentIdOf("00/3f2a5c1e-0000-4000-8000-000000000001.pdf")).isEmpty();
        assertThat(StorageKeys.documentIdOf("../3f/3f2a5c1e-0000-4000-8000-000000000001.pdf")).isEmpty();
    }

}
