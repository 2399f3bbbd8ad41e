package org.edm.parser.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jspecify.annotations.Nullable;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reads stored PDFs from one bucket of an S3-compatible store, object
 * {@code <prefix><key>}, each downloaded to a temporary file for the split.
 */
final class S3DocumentFiles implements DocumentFiles, AutoCloseable {

    private final S3Client s3;

    private final String bucket;

    private final String prefix;

    private final @Nullable Path downloadDirectory;

    S3DocumentFiles(S3Client s3, String bucket, String prefix, @Nullable Path downloadDirectory) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.downloadDirectory = downloadDirectory;
    }

    @Override
    public LocalPdf fetch(@Nullable String key) {
        if (key == null || key.isBlank()) {
            throw new UnsafeFileKey("the document has no stored file key");
        }
        if (key.startsWith("/") || key.contains("..") || key.indexOf('\0') >= 0) {
            throw new UnsafeFileKey("stored file key cannot name an object");
        }
        Path copy;
        try {
            copy = downloadDirectory == null ? Files.createTempFile("edm-parse-", ".pdf")
                    : Files.createTempFile(Files.createDirectories(downloadDirectory), "edm-parse-", ".pdf");
        }
        catch (IOException e) {
            throw new StorageUnavailable("cannot create a download file: " + e.getMessage(), e);
        }
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(bucket).key(prefix + key))) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return new LocalPdf(copy, true);
        }
        catch (NoSuchKeyException e) {
            delete(copy);
            throw new StoredFileMissing("no object " + key + " in the bucket");
        }
        catch (SdkException | IOException e) {
            delete(copy);
            // the SDK's message names status and error code, never credentials
            throw new StorageUnavailable(
                    "object store: cannot read " + key + " in bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private static void delete(Path copy) {
        new LocalPdf(copy, true).close();
    }

}
