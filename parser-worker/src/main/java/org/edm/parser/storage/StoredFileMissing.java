package org.edm.parser.storage;

/** The store answered that no file is stored under the key (a permanent failure of the document). */
public class StoredFileMissing extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoredFileMissing(String message) {
        super(message);
    }
}
