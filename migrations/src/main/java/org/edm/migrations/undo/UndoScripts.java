package org.edm.migrations.undo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.flywaydb.core.api.MigrationVersion;

/**
 * The undo scripts of one location ({@code classpath:db/undo} or
 * {@code filesystem:/some/db/undo}), by the version they undo. Like Flyway's {@code V}
 * scripts, their version is the part between the prefix and {@code __}, with underscores
 * read as dots.
 */
public final class UndoScripts {

    private static final Pattern NAME = Pattern.compile("U(.+?)__(.+)\\.sql");

    private static final String CLASSPATH = "classpath:";

    private static final String FILESYSTEM = "filesystem:";

    private final String location;

    private final Map<MigrationVersion, UndoScript> byVersion;

    private UndoScripts(String location, Map<MigrationVersion, UndoScript> byVersion) {
        this.location = location;
        this.byVersion = byVersion;
    }

    /**
     * Reads every undo script at the location; a location that does not exist holds none.
     */
    public static UndoScripts load(String location, ClassLoader classLoader) {
        Map<MigrationVersion, UndoScript> scripts = new LinkedHashMap<>();
        try {
            if (location.startsWith(FILESYSTEM)) {
                readDirectory(Path.of(location.substring(FILESYSTEM.length())), scripts);
            }
            else {
                String directory = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
                readClasspath(stripSlashes(directory), classLoader, scripts);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the undo scripts at " + location, e);
        }
        return new UndoScripts(location, Map.copyOf(scripts));
    }

    public String location() {
        return location;
    }

    public Optional<UndoScript> find(MigrationVersion version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    /**
     * The file name the undo script of a migration script must have:
     * {@code V1_2__x.sql -> U1_2__x.sql}.
     */
    public static String expectedName(String migrationScript) {
        String fileName = migrationScript.substring(migrationScript.lastIndexOf('/') + 1);
        return "U" + fileName.substring(1);
    }

    private static void readDirectory(Path directory, Map<MigrationVersion, UndoScript> scripts) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                add(file.getFileName().toString(), () -> Files.readString(file, StandardCharsets.UTF_8), scripts);
            }
        }
    }

    private static void readClasspath(String directory, ClassLoader classLoader,
            Map<MigrationVersion, UndoScript> scripts) throws IOException {
        Enumeration<URL> roots = classLoader.getResources(directory);
        boolean found = false;
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            found = true;
            if ("file".equals(root.getProtocol())) {
                readDirectory(toPath(root), scripts);
            }
            else if ("jar".equals(root.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) root.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    readJar(jar, directory, scripts);
                }
            }
        }
        if (!found) {
            // A jar written without directory entries cannot answer
            // getResources(directory): scan the jar that
            // holds this class instead (the tool's own jar).
            URL ownLocation = UndoScripts.class.getProtectionDomain().getCodeSource().getLocation();
            Path own = toPath(ownLocation);
            if (Files.isRegularFile(own)) {
                try (JarFile jar = new JarFile(own.toFile())) {
                    readJar(jar, directory, scripts);
                }
            }
        }
    }

    private static void readJar(JarFile jar, String directory, Map<MigrationVersion, UndoScript> scripts)
            throws IOException {
        String prefix = directory + "/";
        for (JarEntry entry : jar.stream().sorted((a, b) -> a.getName().compareTo(b.getName())).toList()) {
            String name = entry.getName();
            if (!entry.isDirectory() && name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                add(name.substring(prefix.length()), () -> {
                    try (InputStream in = jar.getInputStream(entry)) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }, scripts);
            }
        }
    }

    private static void add(String fileName, ScriptContent content, Map<MigrationVersion, UndoScript> scripts)
            throws IOException {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) {
            return;
        }
        MigrationVersion version = MigrationVersion.fromVersion(matcher.group(1).replace('_', '.'));
        // The first location on the classpath wins, as it does for Flyway's own scripts.
        if (!scripts.containsKey(version)) {
            scripts.put(version, new UndoScript(version, fileName, content.read()));
        }
    }

    private static Path toPath(URL url) {
        try {
            return Path.of(url.toURI());
        }
        catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("not a local path: " + url, e);
        }
    }

    private static String stripSlashes(String directory) {
        String result = directory;
        while (result.startsWith("/")) {
            result = result.substring(1);
        }
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    @FunctionalInterface
    private interface ScriptContent {

        String read() throws IOException;

    }

}
