package org.edm.parser.storage;

import java.nio.file.Path;
import java.time.Duration;

import org.edm.objectstore.ObjectStoreSettings;
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
 * @param s3 the object store when {@code type=s3} ({@link ObjectStoreSettings})
 * @param downloadDirectory with {@code type=s3}, where a PDF is copied for the split
 * (PDFBox reads files at random), deleted after it; the system's temporary directory by
 * default
 */
@ConfigurationProperties("edm.storage")
public record StorageSettings(@DefaultValue("filesystem") Type type, @DefaultValue("./data/files") Path root,
        @DefaultValue ObjectStoreSettings s3, @Nullable Path downloadDirectory) {

    public StorageSettings {
        if (type == Type.S3 && !s3.hasBucket()) {
            throw new IllegalArgumentException("edm.storage.type=s3 needs edm.storage.s3.bucket");
        }
    }

    public enum Type {

        FILESYSTEM, S3

    }
}
