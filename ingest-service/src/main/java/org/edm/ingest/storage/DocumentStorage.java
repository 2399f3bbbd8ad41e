package org.edm.ingest.storage;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * Stores PDFs under storage-relative keys ({@link StorageKeys}). Writing is two-phase, so
 * a crash never leaves a half-written file under a key: {@link #stage} writes the bytes
 * durably to a private name, {@link #promote} makes them appear under their key
 * atomically.
 */
public interface DocumentStorage {

    /**
     * Copies the content to a private staging name and forces it to disk, computing its
     * size and SHA-256. On failure nothing is left behind.
     * @throws IOException when the content cannot be read or written (including what the
     * stream itself throws)
     */
    StagedFile stage(InputStream content) throws IOException;

    /**
     * Stages a file without copying it: {@code transfer} writes or moves the bytes to the
     * private staging path it is given (an upload the servlet container spooled into
     * {@link #landingDirectory()} is renamed there), then the file is read once through
     * {@code check} for its size and SHA-256 and forced to disk. On failure nothing is
     * left behind.
     * @throws IOException when the transfer fails, or {@code check}'s stream throws (e.g.
     * the content is refused)
     */
    StagedFile stageFrom(FileTransfer transfer, UnaryOperator<InputStream> check) throws IOException;

    /**
     * A directory on the staging file system where the servlet container may spool
     * uploads, so that {@link #stageFrom staging} them is a rename; its leftovers are
     * purged like staged files.
     */
    Path landingDirectory();

    /**
     * Bytes the storage's file system can still take (for the free-space floor of
     * uploads).
     */
    long usableSpace() throws IOException;

    /**
     * Makes a staged file readable under the key, atomically and durably; replaces
     * nothing that exists.
     */
    void promote(StagedFile staged, String key) throws IOException;

    /** Removes a staged file that will not be promoted; never throws. */
    void discard(StagedFile staged);

    /** Deletes the file under the key; returns whether there was one. */
    boolean delete(String key) throws IOException;

    boolean exists(String key);

    /**
     * Opens the stored file of {@code key} for reading;
     * {@link java.nio.file.NoSuchFileException} when it is gone.
     */
    InputStream open(String key) throws IOException;

    /** Keys of stored files last modified before the instant, for the orphan sweeper. */
    List<String> keysModifiedBefore(Instant instant) throws IOException;

    /**
     * Deletes staged files older than the instant (left by a crash between staging and
     * promotion).
     */
    int purgeStagedBefore(Instant instant) throws IOException;

    /**
     * Puts an upload's bytes at the given path (which does not exist yet), preferably by
     * moving them.
     */
    @FunctionalInterface
    interface FileTransfer {

        void transferTo(Path target) throws IOException;

    }

}
