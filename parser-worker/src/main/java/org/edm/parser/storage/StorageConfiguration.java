package org.edm.parser.storage;

import static java.util.Objects.requireNonNull;

import org.edm.objectstore.ObjectStoreSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared directory by default; {@code edm.storage.type=s3} reads from an
 * S3-compatible object store.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    @ConditionalOnProperty(name = "edm.storage.type", havingValue = "s3")
    DocumentFiles s3DocumentFiles(StorageSettings settings) {
        ObjectStoreSettings s3 = settings.s3();
        return new S3DocumentFiles(s3.client(), requireNonNull(s3.bucket()), s3.prefix(), settings.downloadDirectory());
    }

    @Bean
    @ConditionalOnMissingBean(DocumentFiles.class)
    DocumentFiles storedFiles(StorageSettings settings) {
        return new StoredFiles(settings.root());
    }

}
