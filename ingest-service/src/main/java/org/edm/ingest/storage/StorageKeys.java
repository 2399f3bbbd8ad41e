package org.edm.ingest.storage;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The storage-relative key of a document's PDF, derived from the document id alone (never
 * from a client's file name): {@code <first two hex digits>/<uuid>.pdf}, e.g.
 * {@code 3f/3f2a5c1e-....pdf}. The two-digit directory keeps directories small.
 */
public final class StorageKeys {

    private static final Pattern KEY = Pattern
        .compile("([0-9a-f]{2})/(\\1[0-9a-f]{6}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.pdf");

    private StorageKeys() {
    }

    public static String forDocument(UUID documentId) {
        String id = documentId.toString();
        return id.substring(0, 2) + "/" + id + ".pdf";
    }

    /**
     * The document id a key was derived from, or empty when the key is not one of ours.
     */
    public static Optional<UUID> documentIdOf(String key) {
        var matcher = KEY.matcher(key);
        return matcher.matches() ? Optional.of(UUID.fromString(matcher.group(2))) : Optional.empty();
    }

}
