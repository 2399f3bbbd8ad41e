package org.edm.search.query;

import java.nio.ByteBuffer;
import java.util.UUID;

import org.edm.search.web.CursorText;
import org.edm.search.web.InvalidCursor;

/**
 * Where the next page starts: after the hit with this score and section id, in the order
 * (score descending, id ascending). It also pins how the first page found its candidates
 * (full index, its sample or the word-pair index, deepened or not, and whether the title
 * tier ran), so later pages rank the same candidate set even if the lexeme statistics
 * change in between. Sent to clients as {@link CursorText} that carries a fingerprint of
 * the query and filters, so a cursor is refused when it is used with another search or
 * altered.
 */
record SearchCursor(double score, UUID id, boolean sample, boolean deepened, boolean titleTier, boolean pairs) {

    private static final byte VERSION = 2;

    private static final int LENGTH = 8 + 16 + 1;

    String encode(String fingerprintSource) {
        return CursorText.encode(VERSION, fingerprintSource,
                ByteBuffer.allocate(LENGTH)
                    .putDouble(score)
                    .putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits())
                    .put((byte) ((pairs ? 8 : 0) | (deepened ? 4 : 0) | (sample ? 2 : 0) | (titleTier ? 1 : 0)))
                    .array());
    }

    /**
     * @throws InvalidCursor when the text is not a cursor of this version issued for
     * {@code fingerprintSource}
     */
    static SearchCursor decode(String text, String fingerprintSource) {
        ByteBuffer buffer = CursorText.decode(text, VERSION, fingerprintSource, LENGTH);
        double score = buffer.getDouble();
        var id = new UUID(buffer.getLong(), buffer.getLong());
        byte plan = buffer.get();
        if (!Double.isFinite(score) || score < 0 || (plan & ~15) != 0 || (plan & 6) == 6 || (plan & 10) == 10) {
            throw new InvalidCursor();
        }
        return new SearchCursor(score, id, (plan & 2) != 0, (plan & 4) != 0, (plan & 1) != 0, (plan & 8) != 0);
    }
}
