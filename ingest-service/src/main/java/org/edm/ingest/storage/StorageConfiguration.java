package org.edm.ingest.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The local file system is the default storage; another {@link DocumentStorage} bean replaces it. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    @ConditionalOnMissingBean(DocumentStorage.class)
    DocumentStorage fileSystemDocumentStorage(StorageSettings settings) {
        return new FileSystemDocumentStorage(settings.root());
    }
}
