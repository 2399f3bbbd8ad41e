package org.edm.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service (ingest-service, parser-worker, search-api) running as a child JVM from its
 * executable jar, its output copied line by line into the launcher's log with the
 * service's name in front.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

    private final String name;

    private final int port;

    private final URI readiness;

    private final Process process;

    private ServiceProcess(String name, int port, URI readiness, Process process) {
        this.name = name;
        this.port = port;
        this.readiness = readiness;
        this.process = process;
    }

    /**
     * Starts the service as {@link ServiceLaunch#command()} with
     * {@link ServiceLaunch#environment()} added to this process's environment.
     */
    static ServiceProcess start(ServiceLaunch launch) throws IOException {
        var builder = new ProcessBuilder(launch.command()).redirectErrorStream(true);
        builder.environment().putAll(launch.environment());
        Process process = builder.start();
        String prefix = String.format("%-14s| ", launch.name());
        Thread pump = new Thread(() -> copyOutput(process, prefix), launch.name() + "-log");
        pump.setDaemon(true);
        pump.start();
        log.info("Started {} (pid {})", launch.name(), process.pid());
        return new ServiceProcess(launch.name(), launch.port(), launch.readiness(), process);
    }

    /**
     * {@code java <javaOptions> -jar <servicesDir>/<name>/target/<name>-*-exec.jar}
     * followed by the Spring properties as {@code --key=value} arguments: only settings
     * that are no secret belong here.
     */
    static List<String> command(String name, Path servicesDir, List<String> javaOptions, Map<String, String> properties)
            throws IOException {
        Path jar = executableJar(servicesDir, name);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        return command;
    }

    static Path executableJar(Path servicesDir, String name) throws IOException {
        Path target = servicesDir.resolve(name).resolve("target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, name + "-*-exec.jar")) {
                for (Path jar : jars) {
                    return jar;
                }
            }
        }
        throw new IOException("no executable jar for " + name + " under " + target
                + ": build it first with `mvn -DskipTests package` (or pass --services-dir)");
    }

    /**
     * Waits until {@code /readyz} answers 200 UP, or fails when the process dies or time
     * runs out.
     */
    void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with code " + process.exitValue() + " before it was healthy");
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            }
            catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IOException(name + " not healthy after " + timeout + " (last answer: " + last + ")");
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process at once (SIGKILL), as a crash would: no graceful shutdown. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        log.warn("Killed {} (pid {})", name, process.pid());
    }

    /**
     * Asks the service to stop (SIGTERM, a graceful Spring shutdown), then kills it after
     * a grace period.
     */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                log.warn("{} did not stop within 20 s: killing it", name);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void copyOutput(Process process, String prefix) {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println(prefix + line);
            }
        }
        catch (IOException e) {
            // the process ended; nothing more to copy
        }
    }

}
