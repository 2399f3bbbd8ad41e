package org.edm.ingest.upload;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Uploads, {@code edm.upload.*}.
 *
 * @param maxSize the largest accepted PDF; also the servlet container's multipart file
 * limit, so a larger upload is cut off while it streams (413 {@code document-too-large}),
 * never after filling the disk
 * @param maxMetadataSize the largest accepted {@code metadata} field
 * @param spoolDirectory where the container spools multipart bodies before the controller
 * runs (they always go to disk, never to memory beyond {@link #SPOOL_THRESHOLD}); by
 * default the storage's staging directory, so that staging an upload is a rename (another
 * file system means a copy)
 * @param idempotencyKeyRetention how long an {@code Idempotency-Key} is remembered
 * @param minFreeSpace the free space the storage's file system keeps: an upload that
 * would leave less (its {@code Content-Length} counted) is refused with 507
 * {@code insufficient-storage} before its body is read
 */
@ConfigurationProperties("edm.upload")
record UploadSettings(@DefaultValue("200MB") DataSize maxSize, @DefaultValue("64KB") DataSize maxMetadataSize,
        @Nullable Path spoolDirectory, @DefaultValue("24h") Duration idempotencyKeyRetention,
        @DefaultValue("1GB") DataSize minFreeSpace) {

    /**
     * Parts up to this size are held in memory by the container (the text fields); larger
     * ones go to disk.
     */
    static final DataSize SPOOL_THRESHOLD = DataSize.ofKilobytes(16);

    /** Room for the text fields and the multipart framing on top of the file. */
    static final DataSize REQUEST_OVERHEAD = DataSize.ofMegabytes(1);

    UploadSettings {
        if (maxSize.toBytes() < 1 || maxMetadataSize.toBytes() < 2) {
            throw new IllegalArgumentException("edm.upload.max-size and max-metadata-size must be positive");
        }
        if (minFreeSpace.toBytes() < 0) {
            throw new IllegalArgumentException("edm.upload.min-free-space must not be negative");
        }
    }
}
