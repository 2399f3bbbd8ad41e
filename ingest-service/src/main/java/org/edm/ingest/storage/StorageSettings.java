package org.edm.ingest.storage;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * File storage, {@code edm.storage.*}.
 *
 * @param root directory of the stored PDFs, shared with parser-worker (env {@code EDM_STORAGE_ROOT}); staged
 *        uploads live in its {@code .staging} subdirectory, so promotion is a rename on one file system
 * @param orphanGrace how old a stored file without a document row, or a staged file, must be before the sweeper
 *        deletes it; far longer than any upload transaction
 * @param sweepInterval how often the sweeper runs
 */
@ConfigurationProperties("edm.storage")
public record StorageSettings(
        @DefaultValue("./data/files") Path root,
        @DefaultValue("1h") Duration orphanGrace,
        @DefaultValue("15m") Duration sweepInterval) {

    public StorageSettings {
        if (orphanGrace.isNegative() || sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("edm.storage.orphan-grace and sweep-interval must be positive");
        }
    }
}
