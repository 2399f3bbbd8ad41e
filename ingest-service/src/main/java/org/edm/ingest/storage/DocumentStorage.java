package org.edm.ingest.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * Stores PDFs under storage-relative keys ({@link StorageKeys}). Writing is two-phase, so a crash never leaves a
 * half-written file under a key: {@link #stage} writes the bytes durably to a private name, {@link #promote}
 * makes them appear under their key atomically.
 */
public interface DocumentStorage {

    /**
     * Copies the content to a private staging name and forces it to disk, computing its size and SHA-256.
     * On failure nothing is left behind.
     *
     * @throws IOException when the content cannot be read or written (including what the stream itself throws)
     */
    StagedFile stage(InputStream content) throws IOException;

    /** Makes a staged file readable under the key, atomically and durably; replaces nothing that exists. */
    void promote(StagedFile staged, String key) throws IOException;

    /** Removes a staged file that will not be promoted; never throws. */
    void discard(StagedFile staged);

    /** Deletes the file under the key; returns whether there was one. */
    boolean delete(String key) throws IOException;

    boolean exists(String key);

    /** Keys of stored files last modified before the instant, for the orphan sweeper. */
    List<String> keysModifiedBefore(Instant instant) throws IOException;

    /** Deletes staged files older than the instant (left by a crash between staging and promotion). */
    int purgeStagedBefore(Instant instant) throws IOException;
}
