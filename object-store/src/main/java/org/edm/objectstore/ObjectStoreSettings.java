package org.edm.objectstore;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible object store (AWS S3, MinIO, s3proxy, ...), {@code edm.storage.s3.*}
 * in both services; set them alike. Credentials come only from the AWS SDK's default
 * provider chain (env {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, system
 * properties, profile files, container or instance roles), never from these settings, so
 * they reach no log, command line or settings dump.
 *
 * @param bucket the bucket, which must exist (env {@code EDM_STORAGE_S3_BUCKET})
 * @param prefix put before every storage key, e.g. {@code edm/} (a missing trailing slash
 * is added); empty by default
 * @param endpoint the store's URL for stores other than AWS, e.g.
 * {@code http://minio:9000}; AWS's endpoint for the region when absent
 * @param region the signing region
 * @param pathStyle address the bucket as {@code endpoint/bucket/key} instead of
 * {@code bucket.endpoint/key} (MinIO and s3proxy need it)
 * @param apiCallTimeout the longest one request may take with its retries; beyond it the
 * store counts as unavailable (an upload answers {@code 503 storage-unavailable}, the
 * parser retries the event with back-off)
 */
public record ObjectStoreSettings(@Nullable String bucket, @DefaultValue("") String prefix, @Nullable URI endpoint,
        @DefaultValue("us-east-1") String region, @DefaultValue("false") boolean pathStyle,
        @DefaultValue("30s") Duration apiCallTimeout) {

    public ObjectStoreSettings {
        prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        if (prefix.startsWith("/")) {
            throw new IllegalArgumentException("edm.storage.s3.prefix must not start with /");
        }
        if (apiCallTimeout.isNegative() || apiCallTimeout.isZero()) {
            throw new IllegalArgumentException("edm.storage.s3.api-call-timeout must be positive");
        }
    }

    /** Whether a bucket is named: {@code edm.storage.type=s3} needs one. */
    public boolean hasBucket() {
        return bucket != null && !bucket.isBlank();
    }

    /** A client for this store; the caller closes it. */
    public S3Client client() {
        var builder = S3Client.builder()
            .region(Region.of(region))
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .forcePathStyle(pathStyle)
            // checksums only where the API demands them: S3-compatible stores differ in
            // the newer ones
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(o -> o.apiCallTimeout(apiCallTimeout));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

}
