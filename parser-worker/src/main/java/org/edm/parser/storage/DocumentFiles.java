package org.edm.parser.storage;

import org.jspecify.annotations.Nullable;

/**
 * Where the stored PDFs are read from: the shared directory ({@link StoredFiles}) or an
 * object store.
 */
public interface DocumentFiles {

    /**
     * A local file with the PDF a storage key names, for the split; close it when done (a
     * downloaded copy is deleted then).
     * @throws UnsafeFileKey when the key is missing or cannot name a stored file
     * @throws StoredFileMissing when the store answers that there is no such file
     * @throws StorageUnavailable when the store cannot be reached (transient: retry
     * later)
     */
    LocalPdf fetch(@Nullable String key);

}
