package org.edm.migrations.keys;

/** The database failed while reading or writing {@code api_keys}. */
public final class KeyStoreFailed extends RuntimeException {

    KeyStoreFailed(String message, Throwable cause) {
        super(message, cause);
    }

}
