package org.edm.ingest.storage;

/**
 * Bytes written durably under a private name, not yet visible under any key.
 *
 * @param handle the storage's name for the staged bytes
 * @param sizeBytes how many bytes were written
 * @param sha256 their SHA-256, lower-case hex
 */
public record StagedFile(String handle, long sizeBytes, String sha256) {
}
