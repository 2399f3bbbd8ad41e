package org.edm.parser.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class StoredFilesTest {

    private final Path root = Path.of("/srv/edm/files");

    private final StoredFiles files = new StoredFiles(root);

    @Test
    void resolvesAKeyUnderTheRoot() {
        assertThat(files.resolve("3f/3f2a.pdf")).isEqualTo(root.resolve("3f/3f2a.pdf"));
    }

    @Test
    void rejectsKeysThatLeaveTheRoot() {
        assertThatThrownBy(() -> files.resolve("../etc/passwd")).isInstanceOf(UnsafeFileKey.class);
        assertThatThrownBy(() -> files.resolve("3f/../../x.pdf")).isInstanceOf(UnsafeFileKey.class);
        assertThatThrownBy(() -> files.resolve("/etc/passwd")).isInstanceOf(UnsafeFileKey.class);
        assertThatThrownBy(() -> files.resolve(".")).isInstanceOf(UnsafeFileKey.class);
        assertThatThrownBy(() -> files.resolve("")).isInstanceOf(UnsafeFileKey.class);
        assertThatThrownBy(() -> files.resolve(null)).isInstanceOf(UnsafeFileKey.class);
        assertThatThrownBy(() -> files.resolve("a\0b")).isInstanceOf(UnsafeFileKey.class);
    }

}
