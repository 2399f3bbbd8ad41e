package org.edm.search.documents;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import org.edm.search.web.InvalidCursor;

/**
 * Position in {@code GET /api/documents} (upload date descending, id ascending), as opaque base64url text that
 * also carries a hash of the filters it was issued for.
 */
record DocumentCursor(Instant uploadDate, UUID id) {

    private static final byte VERSION = 1;
    private static final int LENGTH = 1 + 4 + 8 + 16;

    String encode(String filters) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, uploadDate);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(LENGTH)
                .put(VERSION)
                .putInt(hash(filters))
                .putLong(micros)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array());
    }

    static DocumentCursor decode(String text, String filters) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (bytes.length != LENGTH) {
            throw invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.get() != VERSION || buffer.getInt() != hash(filters)) {
            throw invalid();
        }
        long micros = buffer.getLong();
        if (Math.abs(micros) > 10_000L * 365 * 24 * 3600 * 1_000_000) {
            throw invalid();
        }
        Instant uploadDate = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        return new DocumentCursor(uploadDate, new UUID(buffer.getLong(), buffer.getLong()));
    }

    private static int hash(String filters) {
        int hash = 17;
        for (byte b : filters.getBytes(StandardCharsets.UTF_8)) {
            hash = hash * 31 + b;
        }
        return hash;
    }

    private static InvalidCursor invalid() {
        return new InvalidCursor();
    }
}
