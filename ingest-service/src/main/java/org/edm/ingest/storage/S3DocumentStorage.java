package org.edm.ingest.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Stores PDFs as objects {@code <prefix><key>} in one bucket of an S3-compatible store.
 * Uploads are staged on the local file system first ({@link FileSystemDocumentStorage}'s
 * staging area under {@code edm.storage.root}), so the PDF check and the SHA-256 run
 * before anything reaches the store; promotion is one PUT, which makes the object appear
 * whole or not at all. Every failure to reach the store is an {@link IOException} (an
 * upload answers {@code 503 storage-unavailable}).
 */
final class S3DocumentStorage implements DocumentStorage, AutoCloseable {

    private static final int NOT_FOUND = 404;

    private final S3Client s3;

    private final String bucket;

    private final String prefix;

    private final FileSystemDocumentStorage staging;

    S3DocumentStorage(S3Client s3, String bucket, String prefix, FileSystemDocumentStorage staging) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.staging = staging;
    }

    @Override
    public StagedFile stage(InputStream content) throws IOException {
        return staging.stage(content);
    }

    @Override
    public StagedFile stageFrom(FileTransfer transfer, UnaryOperator<InputStream> check) throws IOException {
        return staging.stageFrom(transfer, check);
    }

    @Override
    public Path landingDirectory() {
        return staging.landingDirectory();
    }

    /**
     * Space of the local staging area: the object store has no limit worth asking about.
     */
    @Override
    public long usableSpace() throws IOException {
        return staging.usableSpace();
    }

    /**
     * Uploads the staged file under the key, then removes it locally. Keys are fresh
     * document ids, so the existence check before the PUT only guards against a bug, not
     * a race.
     */
    @Override
    public void promote(StagedFile staged, String key) throws IOException {
        Path file = staging.stagedPath(staged);
        if (present(key)) {
            throw new FileAlreadyExistsException(key);
        }
        long size = Files.size(file);
        try {
            s3.putObject(request -> request.bucket(bucket)
                .key(objectKey(key))
                .contentType("application/pdf")
                .contentLength(size), RequestBody.fromFile(file));
        }
        catch (SdkException e) {
            throw unavailable("store", key, e);
        }
        staging.discard(staged);
    }

    @Override
    public void discard(StagedFile staged) {
        staging.discard(staged);
    }

    @Override
    public boolean delete(String key) throws IOException {
        if (!present(key)) {
            return false;
        }
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(objectKey(key)));
            return true;
        }
        catch (SdkException e) {
            throw unavailable("delete", key, e);
        }
    }

    /**
     * @throws UncheckedIOException when the store cannot be asked
     */
    @Override
    public boolean exists(String key) {
        try {
            return present(key);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean present(String key) throws IOException {
        try {
            s3.headObject(request -> request.bucket(bucket).key(objectKey(key)));
            return true;
        }
        catch (NoSuchKeyException e) {
            return false;
        }
        catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return false; // HEAD answers carry no error code, only the status
            }
            throw unavailable("look up", key, e);
        }
        catch (SdkException e) {
            throw unavailable("look up", key, e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(request -> request.bucket(bucket).key(objectKey(key)));
        }
        catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        }
        catch (SdkException e) {
            throw unavailable("read", key, e);
        }
    }

    @Override
    public List<String> keysModifiedBefore(Instant instant) throws IOException {
        List<String> keys = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                .contents()) {
                if (object.lastModified() != null && object.lastModified().isBefore(instant)) {
                    keys.add(object.key().substring(prefix.length()));
                }
            }
        }
        catch (SdkException e) {
            throw unavailable("list", prefix + "*", e);
        }
        return keys;
    }

    @Override
    public int purgeStagedBefore(Instant instant) throws IOException {
        return staging.purgeStagedBefore(instant);
    }

    /** Closes the client (the context calls it when it stops). */
    @Override
    public void close() {
        s3.close();
    }

    private String objectKey(String key) {
        if (key.isBlank() || key.startsWith("/") || key.contains("..")) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return prefix + key;
    }

    /**
     * The SDK's message names the operation's outcome (status, error code), never
     * credentials.
     */
    private IOException unavailable(String action, String key, SdkException e) {
        return new IOException(
                "object store: cannot " + action + " " + key + " in bucket " + bucket + ": " + e.getMessage(), e);
    }

}
