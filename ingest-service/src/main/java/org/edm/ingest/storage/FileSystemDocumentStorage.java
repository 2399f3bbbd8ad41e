package org.edm.ingest.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores PDFs in a directory tree under the storage root. Staged files are written to
 * {@code .staging/} under the root and fsynced; promotion is an atomic rename into
 * {@code <key>} followed by an fsync of the directory, so after a crash a key either
 * holds the complete file or does not exist.
 */
final class FileSystemDocumentStorage implements DocumentStorage {

    private static final Logger log = LoggerFactory.getLogger(FileSystemDocumentStorage.class);

    private static final String STAGING = ".staging";

    private static final String STAGED_SUFFIX = ".part";

    private static final int BUFFER_SIZE = 64 * 1024;

    /**
     * How Tomcat names the multipart files it spools into {@link #landingDirectory()}.
     */
    private static final String CONTAINER_SPOOL_GLOB = "upload_*.tmp";

    private final Path root;

    private final Path staging;

    FileSystemDocumentStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.staging = this.root.resolve(STAGING);
        try {
            Files.createDirectories(staging);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create the storage root " + this.root, e);
        }
    }

    Path root() {
        return root;
    }

    @Override
    public StagedFile stage(InputStream content) throws IOException {
        String handle = UUID.randomUUID() + STAGED_SUFFIX;
        Path target = staging.resolve(handle);
        MessageDigest sha256 = sha256();
        long size = 0;
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            int read;
            while ((read = content.read(buffer)) != -1) {
                sha256.update(buffer, 0, read);
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                size += read;
            }
            out.force(true);
        }
        catch (IOException | RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
        return new StagedFile(handle, size, HexFormat.of().formatHex(sha256.digest()));
    }

    @Override
    public StagedFile stageFrom(FileTransfer transfer, UnaryOperator<InputStream> check) throws IOException {
        String handle = UUID.randomUUID() + STAGED_SUFFIX;
        Path target = staging.resolve(handle);
        MessageDigest sha256 = sha256();
        long size = 0;
        try {
            transfer.transferTo(target);
            try (InputStream content = check.apply(Files.newInputStream(target))) {
                byte[] buffer = new byte[BUFFER_SIZE];
                int read;
                while ((read = content.read(buffer)) != -1) {
                    sha256.update(buffer, 0, read);
                    size += read;
                }
            }
            try (FileChannel file = FileChannel.open(target, StandardOpenOption.WRITE)) {
                file.force(true);
            }
        }
        catch (IOException | RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
        return new StagedFile(handle, size, HexFormat.of().formatHex(sha256.digest()));
    }

    @Override
    public Path landingDirectory() {
        return staging;
    }

    @Override
    public long usableSpace() throws IOException {
        return Files.getFileStore(root).getUsableSpace();
    }

    @Override
    public void promote(StagedFile staged, String key) throws IOException {
        Path source = stagedPath(staged);
        Path target = resolve(key);
        Path directory = target.getParent();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            fsyncDirectory(root);
        }
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the staging directory and " + directory + " are on different file systems", e);
        }
        fsyncDirectory(directory);
        fsyncDirectory(staging);
    }

    @Override
    public void discard(StagedFile staged) {
        deleteQuietly(stagedPath(staged));
    }

    @Override
    public boolean delete(String key) throws IOException {
        Path target = resolve(key);
        boolean deleted = Files.deleteIfExists(target);
        if (deleted) {
            fsyncDirectory(target.getParent());
        }
        return deleted;
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public List<String> keysModifiedBefore(Instant instant) throws IOException {
        List<String> keys = new ArrayList<>();
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(root,
                p -> Files.isDirectory(p) && p.getFileName().toString().matches("[0-9a-f]{2}"))) {
            for (Path shard : shards) {
                try (Stream<Path> files = Files.list(shard)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        if (modifiedBefore(file, instant)) {
                            keys.add(root.relativize(file).toString().replace('\\', '/'));
                        }
                    }
                }
            }
        }
        return keys;
    }

    @Override
    public int purgeStagedBefore(Instant instant) throws IOException {
        int purged = 0;
        // staged files, and uploads the servlet container spooled here but never handed
        // over (a crash)
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging,
                "{*" + STAGED_SUFFIX + "," + CONTAINER_SPOOL_GLOB + "}")) {
            for (Path file : files) {
                if (modifiedBefore(file, instant) && Files.deleteIfExists(file)) {
                    purged++;
                }
            }
        }
        return purged;
    }

    /**
     * The file of a key, refusing keys that would leave the root (they never come from
     * us, but the DB is shared).
     */
    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root) || path.startsWith(staging)) {
            throw new IllegalArgumentException("storage key outside the storage root: " + key);
        }
        return path;
    }

    /**
     * Where a staged file lies (for a store that keeps only its staging area on this file
     * system).
     */
    Path stagedPath(StagedFile staged) {
        Path path = staging.resolve(staged.handle()).normalize();
        if (!path.getParent().equals(staging)) {
            throw new IllegalArgumentException("not a staging handle: " + staged.handle());
        }
        return path;
    }

    private static boolean modifiedBefore(Path file, Instant instant) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return Files.isRegularFile(file) && modified.toInstant().isBefore(instant);
        }
        catch (NoSuchFileException e) {
            return false;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes a rename or unlink in the directory durable (a no-op where directories cannot
     * be opened).
     */
    private static void fsyncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
        catch (IOException | UnsupportedOperationException e) {
            if (System.getProperty("os.name", "").startsWith("Windows")) {
                return;
            }
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        }
        catch (IOException e) {
            log.warn("Could not delete staged file {}: {}", path.getFileName(), e.toString());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

}
