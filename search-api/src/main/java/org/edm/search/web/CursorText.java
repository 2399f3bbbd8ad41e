package org.edm.search.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The one text form of the listings' cursors ({@code /api/search},
 * {@code /api/documents}): base64url of a version byte, a fingerprint of the request the
 * cursor was issued for (the first 8 bytes of the SHA-256 of its canonical query and
 * filters), and the position the next page starts after. The controllers sign the text
 * with {@link org.edm.security.CursorSigner}, so that a client can hand a cursor back but
 * not alter it; the fingerprint refuses a cursor used with another request.
 */
public final class CursorText {

    private static final int HEADER = 1 + 8;

    private CursorText() {
    }

    /**
     * The text of a cursor of this {@code version} for {@code request}, holding
     * {@code position}.
     */
    public static String encode(byte version, String request, byte[] position) {
        return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(ByteBuffer.allocate(HEADER + position.length)
                .put(version)
                .putLong(fingerprint(request))
                .put(position)
                .array());
    }

    /**
     * The position of a cursor issued by {@link #encode} with the same version and
     * request.
     * @throws InvalidCursor when the text is not base64url, of another length, version or
     * request
     */
    public static ByteBuffer decode(String text, byte version, String request, int positionLength) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.strip());
        }
        catch (IllegalArgumentException e) {
            throw new InvalidCursor();
        }
        if (bytes.length != HEADER + positionLength) {
            throw new InvalidCursor();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.get() != version || buffer.getLong() != fingerprint(request)) {
            throw new InvalidCursor();
        }
        return buffer.slice();
    }

    private static long fingerprint(String request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

}
