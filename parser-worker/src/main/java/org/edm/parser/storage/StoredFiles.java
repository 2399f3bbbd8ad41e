package org.edm.parser.storage;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Resolves storage keys ({@code documents.file_path}) to files under the configured
 * storage root.
 */
public class StoredFiles implements DocumentFiles {

    private final Path root;

    StoredFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The stored file itself, checked readable ({@link StoredFileMissing} otherwise:
     * {@code file_missing}).
     */
    @Override
    public LocalPdf fetch(@Nullable String key) {
        return new LocalPdf(readable(key), false);
    }

    /**
     * The readable file a storage key names: the one check, before a parse, that the
     * stored file is there.
     * @throws StoredFileMissing when the key is unsafe ({@link UnsafeFileKey}) or no
     * readable regular file is there
     */
    public Path readable(@Nullable String key) {
        Path file = resolve(key);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new StoredFileMissing("no readable file for storage key " + key);
        }
        return file;
    }

    /**
     * The file a storage key names.
     * @throws UnsafeFileKey when the key is missing, absolute, or points outside the
     * storage root
     */
    public Path resolve(@Nullable String key) {
        if (key == null || key.isBlank()) {
            throw new UnsafeFileKey("the document has no stored file key");
        }
        Path relative;
        try {
            relative = Path.of(key);
        }
        catch (RuntimeException e) {
            throw new UnsafeFileKey("stored file key is not a valid path");
        }
        if (relative.isAbsolute()) {
            throw new UnsafeFileKey("stored file key is absolute");
        }
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new UnsafeFileKey("stored file key points outside the storage root");
        }
        return resolved;
    }

}
