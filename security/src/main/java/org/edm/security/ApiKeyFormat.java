package org.edm.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The one definition of what an API key is and how it is stored, shared by the services
 * (which check keys) and the migration tool (which creates them): {@code edm_} followed
 * by 32 random bytes in unpadded base64url (43 characters), stored only as the SHA-256
 * hex digest of the whole key. A fast hash is right here because the key carries 256 bits
 * of entropy: there is nothing to guess from a dictionary, and a slow hash would cost
 * every request. Plain Java on purpose: the migration tool uses this class without
 * Spring.
 */
public final class ApiKeyFormat {

    /**
     * What every key starts with, so that a leaked key is recognisable (secret scanners,
     * logs).
     */
    public static final String PREFIX = "edm_";

    private static final int RANDOM_BYTES = 32;

    private static final int DISPLAY_LENGTH = PREFIX.length() + 8;

    private static final Pattern KEY = Pattern.compile("edm_[A-Za-z0-9_-]{43}");

    private ApiKeyFormat() {
    }

    /** A new key from {@code random}: {@code edm_} + base64url(32 bytes). */
    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether {@code text} has the shape of a key (checked before any database lookup).
     */
    public static boolean isWellFormed(String text) {
        return KEY.matcher(text).matches();
    }

    /**
     * The lower-case hex SHA-256 of the whole key: the only form in which a key is
     * stored.
     */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The first characters of a key, stored for display ({@code keys list}); too short to
     * help a guess.
     */
    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(DISPLAY_LENGTH, key.length()));
    }

}
