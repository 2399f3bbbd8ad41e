package org.edm.parser.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * File storage shared with ingest-service, {@code edm.storage.*}; set both services
 * alike.
 *
 * @param type {@code filesystem} (default: keys resolved under {@code root}) or
 * {@code s3} (objects in an S3-compatible store, {@code edm.storage.s3.*}; env
 * {@code EDM_STORAGE_TYPE})
 * @param root directory under which {@code documents.file_path} keys are resolved (env
 * {@code EDM_STORAGE_ROOT}); unused with {@code type=s3}
 * @param s3 the object store when {@code type=s3}
 */
@ConfigurationProperties("edm.storage")
public record StorageSettings(@DefaultValue("filesystem") Type type, @DefaultValue("./data/files") Path root,
        @DefaultValue S3 s3) {

    public StorageSettings {
        if (type == Type.S3 && (s3.bucket() == null || s3.bucket().isBlank())) {
            throw new IllegalArgumentException("edm.storage.type=s3 needs edm.storage.s3.bucket");
        }
    }

    public enum Type {

        FILESYSTEM, S3

    }

    /**
     * An S3-compatible object store, as in ingest-service. Credentials come only from the
     * AWS SDK's default provider chain (env
     * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, system properties, profile
     * files, container or instance roles), never from these settings.
     *
     * @param bucket the bucket (env {@code EDM_STORAGE_S3_BUCKET})
     * @param prefix put before every storage key (a missing trailing slash is added);
     * empty by default
     * @param endpoint the store's URL for stores other than AWS, e.g.
     * {@code http://minio:9000}
     * @param region the signing region
     * @param pathStyle address the bucket as {@code endpoint/bucket/key} (MinIO and
     * s3proxy need it)
     * @param apiCallTimeout the longest one request may take with its retries; beyond it
     * the store counts as unavailable and the event is retried with back-off
     * @param downloadDirectory where a PDF is copied for the split (PDFBox reads files at
     * random), deleted after it; the system's temporary directory by default
     */
    public record S3(@Nullable String bucket, @DefaultValue("") String prefix, @Nullable URI endpoint,
            @DefaultValue("us-east-1") String region, @DefaultValue("false") boolean pathStyle,
            @DefaultValue("30s") Duration apiCallTimeout, @Nullable Path downloadDirectory) {

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
