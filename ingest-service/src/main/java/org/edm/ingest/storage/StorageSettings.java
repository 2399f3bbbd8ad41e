package org.edm.ingest.storage;

import java.nio.file.Path;
import java.time.Duration;

import org.edm.objectstore.ObjectStoreSettings;
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
 * @param s3 the object store when {@code type=s3} ({@link ObjectStoreSettings})
 */
@ConfigurationProperties("edm.storage")
public record StorageSettings(@DefaultValue("filesystem") Type type, @DefaultValue("./data/files") Path root,
        @DefaultValue("1h") Duration orphanGrace, @DefaultValue("15m") Duration sweepInterval,
        @DefaultValue ObjectStoreSettings s3) {

    public StorageSettings {
        if (orphanGrace.isNegative() || sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("edm.storage.orphan-grace and sweep-interval must be positive");
        }
        if (type == Type.S3 && !s3.hasBucket()) {
            throw new IllegalArgumentException("edm.storage.type=s3 needs edm.storage.s3.bucket");
        }
    }

    public enum Type {

        FILESYSTEM, S3

    }
}
