package org.edm.migrations.keys;

/**
 * A key was not created: the name is blank or taken, or a scope is unknown. Nothing was
 * changed.
 */
public final class KeyRefused extends RuntimeException {

    KeyRefused(String message) {
        super(message);
    }

}
