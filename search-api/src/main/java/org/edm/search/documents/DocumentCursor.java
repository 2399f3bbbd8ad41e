package org.edm.search.documents;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.edm.search.web.CursorText;
import org.edm.search.web.InvalidCursor;

/**
 * Position in {@code GET /api/documents} (upload date descending, id ascending), as
 * {@link CursorText} for the filters it was issued for.
 */
record DocumentCursor(Instant uploadDate, UUID id) {

    /* 2: the fingerprint of CursorText; version 1 had a 32-bit hash of its own */
    private static final byte VERSION = 2;

    private static final int LENGTH = 8 + 16;

    String encode(String filters) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, uploadDate);
        return CursorText.encode(VERSION, filters,
                ByteBuffer.allocate(LENGTH)
                    .putLong(micros)
                    .putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits())
                    .array());
    }

    /**
     * @throws InvalidCursor when the text is not a cursor of this version issued for
     * {@code filters}
     */
    static DocumentCursor decode(String text, String filters) {
        ByteBuffer buffer = CursorText.decode(text, VERSION, filters, LENGTH);
        long micros = buffer.getLong();
        if (Math.abs(micros) > 10_000L * 365 * 24 * 3600 * 1_000_000) {
            throw new InvalidCursor();
        }
        return new DocumentCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
                new UUID(buffer.getLong(), buffer.getLong()));
    }
}
