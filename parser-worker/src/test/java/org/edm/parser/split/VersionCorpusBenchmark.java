package org.edm.parser.split;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;
import org.edm.versions.ChangeKind;
import org.edm.versions.Comparison;
import org.edm.versions.Hunk;
import org.edm.versions.Section;
import org.edm.versions.SectionChange;
import org.edm.versions.SectionKeys;
import org.edm.versions.VersionComparer;
import org.edm.versions.VersionOrder;
import org.junit.jupiter.api.Test;

/**
 * The real version families of the shared corpus
 * ({@code shared/corpus/versions/MANIFEST.tsv}, plus Eurex EOBI 13.0 and 13.1 from
 * {@code shared/corpus}): each version split, each consecutive pair compared. Prints the
 * counts per kind and the CPU time of the comparison (split not included, median of 5
 * runs after 2 warm-ups); writes every difference with its hunks to
 * {@code target/version-diffs/<family>.txt} for reading against the revision history.
 *
 * <p>
 * Run:
 * {@code mvn -B -Pbenchmark -pl parser-worker -am -Dtest=VersionCorpusBenchmark test}.
 */
class VersionCorpusBenchmark {

    /**
     * CPU time of the calling thread: the figure does not depend on what else the machine
     * runs.
     */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /**
     * Sections whose text is a revision history, printed whole for reading the diff
     * against.
     */
    private static final java.util.regex.Pattern HISTORY = java.util.regex.Pattern
        .compile("(?i)revision|change ?log|history|document changes|version control");

    private final DocumentSplitter splitter = new DocumentSplitter(SplitSettings.defaults());

    private record Version(String family, String version, Path file) {
    }

    @Test
    void comparesEachConsecutivePairOfTheCorpusFamilies() throws Exception {
        var corpus = Corpus.directory();
        assumeTrue(corpus.isPresent(), "no shared corpus");
        Path versionsDir = corpus.get().resolve("versions");
        assumeTrue(Files.isRegularFile(versionsDir.resolve("MANIFEST.tsv")), "no versions corpus");
        Map<String, List<Version>> families = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(versionsDir.resolve("MANIFEST.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split("\t");
            families.computeIfAbsent(columns[1], f -> new ArrayList<>())
                .add(new Version(columns[1], columns[2], versionsDir.resolve(columns[0])));
        }
        for (String version : List.of("13.0", "13.1")) {
            Path file = corpus.get().resolve("Eurex.T7.Eobi.Fbe.v" + version + ".pdf");
            if (Files.isRegularFile(file)) {
                families.get("Eurex.T7.Eobi.Fbe").add(new Version("Eurex.T7.Eobi.Fbe", version, file));
            }
        }
        Path out = Path.of("target", "version-diffs");
        Files.createDirectories(out);

        System.out.println();
        System.out.println("== Version families of the corpus: consecutive pairs ==");
        System.out.printf(Locale.ROOT, "%-36s %-18s %5s %5s %5s %5s %5s %5s %5s %5s %8s%n", "family", "pair", "from",
                "to", "same", "chg", "add", "rem", "mov", "ren", "cpu ms");
        for (List<Version> family : families.values()) {
            family.sort((a, b) -> VersionOrder.INSTANCE.compare(a.version(), b.version()));
            try (PrintWriter report = new PrintWriter(
                    Files.newBufferedWriter(out.resolve(family.get(0).family() + ".txt")))) {
                for (int i = 1; i < family.size(); i++) {
                    comparePair(family.get(i - 1), family.get(i), report);
                }
            }
        }
    }

    private void comparePair(Version older, Version newer, PrintWriter report) throws SplitFailed, IOException {
        List<Section> from = sections(older.file());
        List<Section> to = sections(newer.file());
        List<String> keys = SectionKeys.derive(from);
        Comparison comparison = null;
        for (int i = 0; i < 2; i++) {
            comparison = VersionComparer.compare(from, keys, older.version(), to, newer.version());
        }
        long[] nanos = new long[5];
        for (int i = 0; i < nanos.length; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            comparison = VersionComparer.compare(from, keys, older.version(), to, newer.version());
            nanos[i] = CPU.getCurrentThreadCpuTime() - start;
        }
        java.util.Arrays.sort(nanos);
        Map<ChangeKind, Integer> counts = comparison.counts();
        System.out.printf(Locale.ROOT, "%-36s %-18s %5d %5d %5d %5d %5d %5d %5d %5d %8.1f%n", older.family(),
                older.version() + " -> " + newer.version(), from.size(), to.size(), counts.get(ChangeKind.UNCHANGED),
                counts.get(ChangeKind.CHANGED), counts.get(ChangeKind.ADDED), counts.get(ChangeKind.REMOVED),
                counts.get(ChangeKind.MOVED), counts.get(ChangeKind.RENAMED), nanos[2] / 1e6);
        report.printf("##### %s -> %s: %s%n", older.version(), newer.version(), counts);
        for (Section section : to) {
            if (HISTORY.matcher(section.title()).find()) {
                report.printf("#### history section '%s' of %s:%n%s%n", section.title(), newer.version(),
                        section.body());
            }
        }
        for (SectionChange change : comparison.differences()) {
            report.printf("%-8s %s | %s -> %s%n", change.kind().wireName(), change.key(), change.fromTitle(),
                    change.toTitle());
            for (Hunk hunk : change.hunks()) {
                report.printf("      - %s%n      + %s%n", abbreviate(hunk.removed()), abbreviate(hunk.added()));
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private List<Section> sections(Path file) throws SplitFailed {
        return VersionDiffPdfTest.sections(splitter, file);
    }

}
