package org.edm.parser.storage;

/**
 * A document's stored file cannot be read: its key names no file inside the storage root,
 * the file there is absent or unreadable, or the object store has no object under the
 * key. The message names the storage key, never this server's path, so it may be logged
 * as is.
 */
public class StoredFileMissing extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoredFileMissing(String message) {
        super(message);
    }

}
