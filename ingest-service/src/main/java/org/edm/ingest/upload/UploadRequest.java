package org.edm.ingest.upload;

import java.util.Map;

import org.edm.ingest.upload.Rejections.FieldInvalid;
import org.edm.ingest.upload.Rejections.FieldMissing;
import org.edm.ingest.upload.Rejections.FieldTooLong;
import org.edm.ingest.upload.Rejections.InvalidIdempotencyKey;
import org.edm.ingest.upload.Rejections.MalformedMetadata;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The text fields of an upload, validated: title and version stripped, within the column
 * limits and free of control characters; metadata a JSON object PostgreSQL can store; the
 * Idempotency-Key printable ASCII.
 *
 * @param metadata the client's metadata, stored under {@code metadata.custom}
 * @param originalFilename the client's file name without any path, for display only
 * (never used for storage)
 * @param caller who sent the upload ({@link org.edm.security.Caller}): an Idempotency-Key
 * is the caller's own
 * @param bulk announced on {@code documents.uploaded.bulk}, parsed after interactive
 * uploads
 */
record UploadRequest(String title, String version, @Nullable ObjectNode metadata, @Nullable String idempotencyKey,
        @Nullable String originalFilename, String caller, boolean bulk) {

    /**
     * The request header that marks an upload as bulk work: {@code X-Edm-Priority: bulk}
     * (or {@code interactive}).
     */
    static final String PRIORITY_HEADER = "X-Edm-Priority";

    static final int MAX_TITLE_LENGTH = 255;
    static final int MAX_VERSION_LENGTH = 50;
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
    static final int MAX_FILENAME_LENGTH = 255;

    /**
     * Validates the raw fields, in the order a client would fix them; throws the first
     * problem found.
     */
    static UploadRequest of(@Nullable String title, @Nullable String version, @Nullable String metadata,
            @Nullable String idempotencyKey, @Nullable String originalFilename, String caller,
            MetadataParser metadataParser) {
        return new UploadRequest(requiredText("title", title, MAX_TITLE_LENGTH),
                requiredText("version", version, MAX_VERSION_LENGTH),
                metadata == null || metadata.isBlank() ? null : metadataParser.parse(metadata),
                idempotencyKey == null ? null : checkedKey(idempotencyKey), displayName(originalFilename), caller,
                false);
    }

    /**
     * This request with the priority of the {@value #PRIORITY_HEADER} header: absent or
     * {@code interactive} (the default), or {@code bulk}; anything else is refused.
     */
    UploadRequest withPriority(@Nullable String priority) {
        if (priority == null || priority.strip().equalsIgnoreCase("interactive")) {
            return this;
        }
        if (priority.strip().equalsIgnoreCase("bulk")) {
            return new UploadRequest(title, version, metadata, idempotencyKey, originalFilename, caller, true);
        }
        throw new FieldInvalid(PRIORITY_HEADER, "The header '" + PRIORITY_HEADER + "' must be bulk or interactive");
    }

    private static String requiredText(String field, @Nullable String raw, int maxLength) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw new FieldMissing(field);
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new FieldTooLong(field, maxLength, "characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new FieldInvalid(field);
        }
        return value;
    }

    private static String checkedKey(String key) {
        if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH
                || key.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new InvalidIdempotencyKey();
        }
        return key;
    }

    private static @Nullable String displayName(@Nullable String filename) {
        if (filename == null) {
            return null;
        }
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints()
            .filter(c -> !Character.isISOControl(c))
            .limit(MAX_FILENAME_LENGTH)
            .forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        return result.isEmpty() ? null : result;
    }

    /**
     * Strict JSON: one object, no duplicate keys, nothing after it, no NUL characters
     * (JSONB refuses them).
     */
    static final class MetadataParser {

        private final ObjectReader reader;

        private final long maxBytes;

        MetadataParser(JsonMapper json, DataSize maxSize) {
            this.reader = json.readerFor(JsonNode.class)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            this.maxBytes = maxSize.toBytes();
        }

        ObjectNode parse(String metadata) {
            if (metadata.length() > maxBytes) {
                throw new FieldTooLong("metadata", maxBytes, "characters");
            }
            JsonNode node;
            try {
                node = reader.readValue(metadata);
            }
            catch (JacksonException e) {
                throw new MalformedMetadata(e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                throw new MalformedMetadata("found " + (node == null ? "nothing" : node.getNodeType()));
            }
            if (containsNul(node)) {
                throw new MalformedMetadata("strings must not contain the NUL character (\\u0000)");
            }
            return (ObjectNode) node;
        }

        private static boolean containsNul(JsonNode node) {
            if (node.isString()) {
                return node.stringValue().indexOf('\0') >= 0;
            }
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (property.getKey().indexOf('\0') >= 0 || containsNul(property.getValue())) {
                    return true;
                }
            }
            if (node.isArray()) {
                for (JsonNode element : node.values()) {
                    if (containsNul(element)) {
                        return true;
                    }
                }
            }
            return false;
        }

    }
}
