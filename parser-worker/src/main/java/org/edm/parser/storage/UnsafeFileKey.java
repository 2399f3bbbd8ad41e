package org.edm.parser.storage;

/**
 * A document's stored file key cannot name a file inside the storage root (absent,
 * absolute, or escaping).
 */
public class UnsafeFileKey extends StoredFileMissing {

    private static final long serialVersionUID = 1L;

    UnsafeFileKey(String message) {
        super(message);
    }

}
