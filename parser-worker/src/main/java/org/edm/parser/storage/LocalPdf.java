package org.edm.parser.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stored PDF on the local file system: the stored file itself, or a downloaded copy
 * that {@link #close()} deletes.
 */
public record LocalPdf(Path path, boolean temporary) implements AutoCloseable {

    @Override
    public void close() {
        if (temporary) {
            try {
                Files.deleteIfExists(path);
            }
            catch (IOException e) {
                // a leftover in the download directory costs disk only
            }
        }
    }
}
