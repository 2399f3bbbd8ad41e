package org.edm.search.query;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;

import org.edm.search.web.InvalidCursor;

/**
 * Where the next page starts: after the hit with this score and section id, in the order (score descending, id
 * ascending). It also pins how the first page found its candidates (full index, its sample or the word-pair index,
 * deepened or not, and whether the title tier ran), so later pages rank the same candidate set even if the lexeme
 * statistics change in between. Sent to clients as opaque base64url text that carries a fingerprint of the query and
 * filters, so a cursor is refused when it is used with another search or altered.
 */
record SearchCursor(double score, UUID id, boolean sample, boolean deepened, boolean titleTier, boolean pairs) {

    private static final byte VERSION = 2;
    private static final int LENGTH = 1 + 8 + 8 + 16 + 1;

    String encode(String fingerprintSource) {
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH)
                .put(VERSION)
                .putLong(fingerprint(fingerprintSource))
                .putDouble(score)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .put((byte) ((pairs ? 8 : 0) | (deepened ? 4 : 0) | (sample ? 2 : 0) | (titleTier ? 1 : 0)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /**
     * @throws InvalidCursor when the text is not a cursor of this version issued for {@code fingerprintSource}
     */
    static SearchCursor decode(String text, String fingerprintSource) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidCursor();
        }
        if (bytes.length != LENGTH) {
            throw new InvalidCursor();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.get() != VERSION || buffer.getLong() != fingerprint(fingerprintSource)) {
            throw new InvalidCursor();
        }
        double score = buffer.getDouble();
        var id = new UUID(buffer.getLong(), buffer.getLong());
        byte plan = buffer.get();
        if (!Double.isFinite(score) || score < 0 || (plan & ~15) != 0 || (plan & 6) == 6 || (plan & 10) == 10) {
            throw new InvalidCursor();
        }
        return new SearchCursor(score, id, (plan & 2) != 0, (plan & 4) != 0, (plan & 1) != 0, (plan & 8) != 0);
    }

    private static long fingerprint(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
