package org.edm.parser.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * File storage shared with ingest-service.
 *
 * @param root directory under which {@code documents.file_path} keys are resolved (env {@code EDM_STORAGE_ROOT})
 */
@ConfigurationProperties("edm.storage")
public record StorageSettings(@DefaultValue("./data/files") Path root) {
}
