package org.edm.ingest.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * File storage, {@code edm.storage.*}.
 *
 * @param type where the stored PDFs live: {@code filesystem} (default, under
 * {@code root}) or {@code s3} (an S3-compatible object store, {@code edm.storage.s3.*};
 * env {@code EDM_STORAGE_TYPE})
 * @param root directory of the stored PDFs, shared with parser-worker (env
 * {@code EDM_STORAGE_ROOT}); staged uploads live in its {@code .staging} subdirectory, so
 * promotion is a rename on one file system. With {@code type=s3} only the staging area is
 * here: promotion uploads the staged file to the bucket
 * @param orphanGrace how old a stored file without a document row, or a staged file, must
 * be before the sweeper deletes it; far longer than any upload transaction
 * @param sweepInterval how often the sweeper runs
 * @param s3 the object store when {@code type=s3}
 */
@ConfigurationProperties("edm.storage")
public record StorageSettings(@DefaultValue("filesystem") Type type, @DefaultValue("./data/files") Path root,
        @DefaultValue("1h") Duration orphanGrace, @DefaultValue("15m") Duration sweepInterval, @DefaultValue S3 s3) {

    public StorageSettings {
        if (orphanGrace.isNegative() || sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("edm.storage.orphan-grace and sweep-interval must be positive");
        }
        if (type == Type.S3 && (s3.bucket() == null || s3.bucket().isBlank())) {
            throw new IllegalArgumentException("edm.storage.type=s3 needs edm.storage.s3.bucket");
        }
    }

    public enum Type {

        FILESYSTEM, S3

    }

    /**
     * An S3-compatible object store (AWS S3, MinIO, s3proxy, ...). Credentials come only
     * from the AWS SDK's default provider chain (env
     * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, system properties, profile
     * files, container or instance roles), never from these settings.
     *
     * @param bucket the bucket, which must exist (env {@code EDM_STORAGE_S3_BUCKET})
     * @param prefix put before every storage key, e.g. {@code edm/} (a missing trailing
     * slash is added); empty by default
     * @param endpoint the store's URL for stores other than AWS, e.g.
     * {@code http://minio:9000}; AWS's endpoint for the region when absent
     * @param region the signing region
     * @param pathStyle address the bucket as {@code endpoint/bucket/key} instead of
     * {@code bucket.endpoint/key} (MinIO and s3proxy need it)
     * @param apiCallTimeout the longest one request may take with its retries; beyond it
     * the store counts as unavailable (an upload answers {@code 503 storage-unavailable})
     */
    public record S3(@Nullable String bucket, @DefaultValue("") String prefix, @Nullable URI endpoint,
            @DefaultValue("us-east-1") String region, @DefaultValue("false") boolean pathStyle,
            @DefaultValue("30s") Duration apiCallTimeout) {

        public S3 {
            prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
            if (prefix.startsWith("/")) {
                throw new IllegalArgumentException("edm.storage.s3.prefix must not start with /");
            }
            if (apiCallTimeout.isNegative() || apiCallTimeout.isZero()) {
                throw new IllegalArgumentException("edm.storage.s3.api-call-timeout must be positive");
            }
        }
    }
}
