package org.edm.ingest.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local file system is the default storage; {@code edm.storage.type=s3} selects an
 * S3-compatible object store; another {@link DocumentStorage} bean replaces either.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    @ConditionalOnMissingBean(DocumentStorage.class)
    @ConditionalOnProperty(name = "edm.storage.type", havingValue = "s3")
    DocumentStorage s3DocumentStorage(StorageSettings settings) {
        StorageSettings.S3 s3 = settings.s3();
        return new S3DocumentStorage(s3Client(s3), s3.bucket(), s3.prefix(),
                new FileSystemDocumentStorage(settings.root()));
    }

    @Bean
    @ConditionalOnMissingBean(DocumentStorage.class)
    DocumentStorage fileSystemDocumentStorage(StorageSettings settings) {
        return new FileSystemDocumentStorage(settings.root());
    }

    /**
     * Credentials only from the SDK's default chain (environment, system properties,
     * profiles, roles).
     */
    static S3Client s3Client(StorageSettings.S3 settings) {
        var builder = S3Client.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .forcePathStyle(settings.pathStyle())
            // checksums only where the API demands them: S3-compatible stores differ in
            // the newer ones
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(o -> o.apiCallTimeout(settings.apiCallTimeout()));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

}
