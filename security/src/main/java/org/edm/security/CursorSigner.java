package org.edm.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs paging cursors with HMAC-SHA256 under the server secret
 * {@code edm.security.cursor-secret}, so that a client can hand a cursor back but not
 * alter it: a changed score, flag or fingerprint fails {@link #verify}. A signed cursor
 * is {@code <payload>.<base64url mac>}: the signature is the part after the last dot, so
 * the payload may contain dots.
 */
public final class CursorSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    /**
     * A signer under {@code secret} (any text; at least 32 characters of randomness is
     * advisable).
     */
    public CursorSigner(String secret) {
        this(secret.getBytes(StandardCharsets.UTF_8));
    }

    private CursorSigner(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** A signer under a random secret: its cursors are valid only in this process. */
    public static CursorSigner withRandomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new CursorSigner(secret);
    }

    /** {@code payload} with its signature appended. */
    public String sign(String payload) {
        return payload + "." + mac(payload);
    }

    /**
     * The payload of a cursor this signer signed, or empty if the cursor was altered or
     * signed by another secret.
     */
    public Optional<String> verify(String signed) {
        int dot = signed.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String payload = signed.substring(0, dot);
        byte[] expected = mac(payload).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = signed.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual) ? Optional.of(payload) : Optional.empty();
    }

    private String mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform has " + ALGORITHM, e);
        }
    }

}
