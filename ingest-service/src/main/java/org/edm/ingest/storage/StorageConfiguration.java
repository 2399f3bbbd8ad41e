package org.edm.ingest.storage;

import static java.util.Objects.requireNonNull;

import org.edm.objectstore.ObjectStoreSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
        ObjectStoreSettings s3 = settings.s3();
        return new S3DocumentStorage(s3.client(), requireNonNull(s3.bucket()), s3.prefix(),
                new FileSystemDocumentStorage(settings.root()));
    }

    @Bean
    @ConditionalOnMissingBean(DocumentStorage.class)
    DocumentStorage fileSystemDocumentStorage(StorageSettings settings) {
        return new FileSystemDocumentStorage(settings.root());
    }

}
