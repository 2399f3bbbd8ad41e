package org.edm.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * The shared corpus of real specifications ({@code shared/corpus} with its
 * {@code MANIFEST.tsv}), the one way every corpus test and benchmark finds it: the system
 * property {@code edm.corpus.dir}, else {@code shared/corpus} beside the working
 * directory or one of its parents (a module runs in {@code <repo>/<module>}, the corpus
 * lives beside the repository).
 *
 * <p>
 * A developer's clone without the corpus skips the corpus tests; CI ({@code CI=true})
 * always has it beside its clone, so there a missing corpus fails the test instead of
 * hiding it behind a skip.
 */
public final class SharedCorpus {

    /** The system property that names the corpus folder. */
    public static final String PROPERTY = "edm.corpus.dir";

    private SharedCorpus() {
    }

    /** The corpus folder, when there is one. */
    public static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured).toAbsolutePath().normalize());
        }
        else {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                candidates.add(dir.resolve("shared").resolve("corpus"));
            }
        }
        return candidates.stream().filter(dir -> Files.isRegularFile(dir.resolve("MANIFEST.tsv"))).findFirst();
    }

    /**
     * The corpus folder for a test that needs it: skips the test when there is none,
     * except on CI, where a missing corpus is a failure.
     */
    public static Path require() {
        Optional<Path> corpus = find();
        if (corpus.isEmpty()) {
            String message = "no shared corpus (shared/corpus beside the repository, or -D" + PROPERTY + "=<dir>)";
            if (onCi()) {
                throw new AssertionError(message + "; CI must have it");
            }
            Assumptions.abort(message);
        }
        return corpus.get();
    }

    /**
     * A file of the corpus that a test needs by name: a missing file is a failure when
     * the corpus is there (a manifest row or a test naming a file that is not shipped is
     * a defect, not a reason to skip).
     */
    public static Path file(String name) {
        Path file = require().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(name + " is not in the corpus at " + file.getParent());
        }
        return file;
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

}
