package org.edm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.edm.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;

/**
 * The repository ships the schema contract as {@code migrations/SCHEMA.md}, so that a
 * clone without the project's shared folder has what the docs and {@code verify --help}
 * point at; it must stay the contract itself.
 */
class SchemaDocumentTest {

    @Test
    void theShippedContractIsTheSharedOneWordForWord() throws Exception {
        // given: the copy in the repository, and the shared original beside the
        // repository (CI always has it)
        Path shipped = Path.of("SCHEMA.md");
        Path shared = SharedCorpus.require().getParent().resolve("SCHEMA.md");
        assertThat(shipped).isRegularFile();

        // then
        assertThat(Files.readString(shipped)).isEqualTo(Files.readString(shared));
    }

    @Test
    void theToolAndTheReadmeNameTheShippedContract() throws Exception {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(readme).contains("(SCHEMA.md)").doesNotContain("shared/SCHEMA.md");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            Optional<Path> stale = sources.filter(Files::isRegularFile)
                .filter(file -> read(file).contains("shared/SCHEMA.md"))
                .findFirst();
            assertThat(stale).as("a source still pointing at the shared folder").isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
