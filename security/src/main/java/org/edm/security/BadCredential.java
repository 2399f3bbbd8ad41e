package org.edm.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A credential was presented but is malformed, unknown or revoked; the message is the
 * problem's detail.
 */
final class BadCredential extends AuthenticationException {

    BadCredential(String message) {
        super(message);
    }

}
