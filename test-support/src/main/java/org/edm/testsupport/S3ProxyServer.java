package org.edm.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3-compatible server for tests:
 * <a href="https://github.com/gaul/s3proxy">s3proxy</a> over its file-system blob store,
 * with one bucket, listening on a free loopback port. It runs as a child JVM from
 * s3proxy's self-contained jar (found through the system property {@value #JAR_PROPERTY},
 * set by the parent pom's surefire configuration; modules copy the jar with the
 * {@code s3proxy-jar} execution of maven-dependency-plugin), because that jar carries its
 * own jclouds, Guava, Jackson and Jetty, which must not meet Spring Boot's on the test
 * classpath.
 *
 * <p>
 * Clients use path-style requests, region {@code us-east-1} and the
 * {@link #accessKey()}/{@link #secretKey()} pair (SigV4).
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String JAR_PROPERTY = "edm.test.s3proxy-jar";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String jar;

    private final Path properties;

    private Process process;

    private final Path directory;

    private final int port;

    private final String bucket;

    private final String accessKey = "edm-test-" + UUID.randomUUID().toString().substring(0, 8);

    private final String secretKey = UUID.randomUUID().toString();

    private S3ProxyServer(String bucket) throws IOException {
        this.bucket = bucket;
        jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("s3proxy's jar is not at " + JAR_PROPERTY + "=" + jar
                    + " (declare maven-dependency-plugin in the module's pom: its s3proxy-jar execution copies it)");
        }
        directory = Files.createTempDirectory("edm-test-s3");
        Files.createDirectories(directory.resolve("blobs").resolve(bucket));
        port = freePort();
        properties = directory.resolve("s3proxy.properties");
        Files.writeString(properties, """
                s3proxy.endpoint=http://127.0.0.1:%d
                s3proxy.authorization=aws-v2-or-v4
                s3proxy.identity=%s
                s3proxy.credential=%s
                jclouds.provider=filesystem-nio2
                jclouds.filesystem.basedir=%s
                """.formatted(port, accessKey, secretKey, directory.resolve("blobs")), StandardCharsets.UTF_8);
        process = launch();
        // a test JVM that ends without close() must not leave the server running
        Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroyForcibly(), "s3proxy-stop"));
    }

    private Process launch() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process started = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar,
                "--properties", properties.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("s3proxy.log").toFile()))
            .start();
        awaitListening(started);
        return started;
    }

    /**
     * Stops the server, keeping its objects (an outage); {@link #restart()} brings it
     * back on the same port.
     */
    public synchronized void stop() {
        terminate(process);
    }

    /** Starts the server again after {@link #stop()}, with the objects it had. */
    public synchronized void restart() {
        try {
            process = launch();
        }
        catch (IOException e) {
            throw new UncheckedIOException("s3proxy did not start again", e);
        }
    }

    /**
     * Starts s3proxy with an empty bucket of the given name; {@link #close()} stops it
     * and removes its data.
     */
    public static S3ProxyServer start(String bucket) {
        try {
            return new S3ProxyServer(bucket);
        }
        catch (IOException e) {
            throw new UncheckedIOException("s3proxy did not start", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String bucket() {
        return bucket;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /**
     * The file s3proxy keeps an object in (its file-system blob store), for tests that
     * look behind the API.
     */
    public Path objectFile(String key) {
        return directory.resolve("blobs").resolve(bucket).resolve(key);
    }

    /** A loopback port nobody listens on, for "the object store is unreachable" tests. */
    public static URI unreachableEndpoint() {
        return URI.create("http://127.0.0.1:" + freePort());
    }

    @Override
    public synchronized void close() {
        terminate(process);
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            // a temporary directory; nothing depends on its removal
        }
    }

    private static void terminate(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening(Process process) throws IOException {
        long giveUp = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < giveUp) {
            if (!process.isAlive()) {
                throw new IOException("s3proxy exited with " + process.exitValue() + ": "
                        + Files.readString(directory.resolve("s3proxy.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            }
            catch (IOException notYet) {
                try {
                    process.waitFor(100, TimeUnit.MILLISECONDS);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while s3proxy started", e);
                }
            }
        }
        process.destroyForcibly();
        throw new IOException("s3proxy did not listen on port " + port + " within " + START_TIMEOUT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
