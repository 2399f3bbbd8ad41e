package org.edm.parser.split;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Splitter throughput and heading accuracy over the shared corpus; prints its figures,
 * asserts nothing.
 *
 * <p>
 * Run: {@code mvn -B -Pbenchmark -pl parser-worker test} (or
 * {@code -Dtest=SplitterBenchmark}).
 *
 * <ul>
 * <li><b>Throughput</b>: pages per second of the whole split, and of plain PDFBox text
 * extraction ({@code Loader.loadPDF} + {@code PDFTextStripper.getText}) of the same files
 * in the same run: the floor the split builds on. Files are read once before timing, so
 * both start warm.</li>
 * <li><b>Accuracy</b>: for each PDF with an outline, the layout heading detector (run as
 * if there were no outline) against the outline. A detected heading matches an outline
 * entry when titles and levels are equal; titles are compared after dropping a leading
 * section number ("4.2", "A.1", "A"; "Appendix A" is kept), lower-casing, and reducing
 * every run of non-letters/digits to one space; each outline entry matches at most once.
 * Childless "Contents" entries are not counted (the splitter leaves contents pages out by
 * design). Precision = matches / detected, recall = matches / outline entries, F1 their
 * harmonic mean; the totals are micro-averaged over all headings. "title only" counts
 * matches ignoring the level.</li>
 * </ul>
 */
class SplitterBenchmark {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final Pattern CONTENTS = Pattern.compile("(?i)(table of )?contents?");

    private final SplitSettings settings = SplitSettings.defaults();

    private final DocumentSplitter splitter = new DocumentSplitter(settings);

    /**
     * For the warm-up and the detector's accuracy, where recognising scans again would
     * only cost time.
     */
    private final DocumentSplitter withoutOcr = new DocumentSplitter(settings.withOcr(OcrSettings.disabled()));

    @Test
    void splitThroughputAndHeadingAccuracyOverTheCorpus() throws Exception {
        var directory = Corpus.directory();
        assumeTrue(directory.isPresent(), "no shared corpus; set -D" + Corpus.PROPERTY + "=<dir>");
        List<Path> files = Corpus.entries(directory.get())
            .stream()
            .map(Corpus.Entry::file)
            .filter(Files::isRegularFile)
            .sorted()
            .toList();

        // warm up both paths once, so neither pays for class loading and the JIT alone
        for (Path file : files) {
            plainText(file);
            split(withoutOcr, file);
        }

        System.out.println();
        System.out.println("== Splitter throughput (" + files.size() + " files, JDK "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs) ==");
        System.out.printf(Locale.ROOT, "%-44s %6s %8s %-7s %9s %9s  %s%n", "file", "pages", "sections", "source",
                "split ms", "plain ms", "status");
        long splitNanos = 0;
        long plainNanos = 0;
        int pages = 0;
        long ocrNanos = 0;
        int ocrPages = 0;
        for (Path file : files) {
            long start = System.nanoTime();
            Outcome outcome = split(splitter, file);
            long splitTime = System.nanoTime() - start;
            start = System.nanoTime();
            boolean plainOk = plainText(file) >= 0;
            long plainTime = System.nanoTime() - start;
            System.out.printf(Locale.ROOT, "%-44s %6s %8s %-7s %9d %9d  %s%n", abbreviate(file), outcome.pages(),
                    outcome.sections(), outcome.source(), splitTime / 1_000_000, plainTime / 1_000_000,
                    outcome.status());
            if (outcome.result() != null && outcome.result().info().ocr().used()) {
                // scans are timed apart: their time is Tesseract's, not the text path's
                ocrNanos += splitTime;
                ocrPages += outcome.result().info().ocr().pages().size();
                System.out.printf(Locale.ROOT, "%-44s OCR of %d pages, mean confidence %.1f%n", "",
                        outcome.result().info().ocr().pages().size(), outcome.result().info().ocr().meanConfidence());
            }
            else if (outcome.result() != null && plainOk) {
                splitNanos += splitTime;
                plainNanos += plainTime;
                pages += outcome.result().info().pageCount();
            }
        }
        System.out.printf(Locale.ROOT, "split: %d pages in %.2f s = %.1f pages/s%n", pages, splitNanos / 1e9,
                pages / (splitNanos / 1e9));
        System.out.printf(Locale.ROOT, "plain PDFTextStripper: %d pages in %.2f s = %.1f pages/s (split takes %.2fx)%n",
                pages, plainNanos / 1e9, pages / (plainNanos / 1e9), (double) splitNanos / plainNanos);
        if (ocrPages > 0) {
            System.out.printf(Locale.ROOT,
                    "OCR (%d dpi): %d pages in %.2f s = %.2f pages/s (whole split of the scans)%n",
                    settings.ocr().dpi(), ocrPages, ocrNanos / 1e9, ocrPages / (ocrNanos / 1e9));
        }
        else {
            System.out
                .println("OCR: no scanned pages recognised (Tesseract available: " + settings.ocr().available() + ")");
        }

        detectorAccuracy("the corpus", files);
        // the version families were never used for tuning: they show how the rules carry
        // over
        Path versions = directory.get().resolve("versions");
        if (Files.isDirectory(versions)) {
            try (var listing = Files.list(versions)) {
                detectorAccuracy("corpus/versions",
                        listing.filter(f -> f.toString().endsWith(".pdf")).sorted().toList());
            }
        }
    }

    /**
     * The layout detector alone (outline ignored) against each file's outline: P/R/F1 on
     * (title, level), F1 on titles alone, per file, micro-averaged and as the mean of the
     * files' F1.
     */
    private void detectorAccuracy(String label, List<Path> files) {
        System.out.println();
        System.out.println("== Layout heading detector against the outline, " + label
                + " (F1: title and level must match; title F1: title alone) ==");
        System.out.printf(Locale.ROOT, "%-44s %7s %8s %7s %10s %6s %6s %6s %8s%n", "file", "outline", "detected",
                "matched", "title only", "P", "R", "F1", "title F1");
        int outlineTotal = 0;
        int detectedTotal = 0;
        int matchedTotal = 0;
        int titleOnlyTotal = 0;
        double f1Sum = 0;
        double titleF1Sum = 0;
        int measured = 0;
        for (Path file : files) {
            DocumentSplitter.Analysis withOutline;
            DocumentSplitter.Analysis layout;
            try {
                withOutline = withoutOcr.analyse(file, true);
                if (withOutline.outline().isEmpty()) {
                    continue;
                }
                layout = withoutOcr.analyse(file, false);
            }
            catch (SplitFailed e) {
                continue;
            }
            Accuracy accuracy = Accuracy.of(withOutline.outline(), layout.headings());
            System.out.printf(Locale.ROOT, "%-44s %7d %8d %7d %10d %6.3f %6.3f %6.3f %8.3f%n", abbreviate(file),
                    accuracy.outline(), accuracy.detected(), accuracy.matched(), accuracy.titleOnly(),
                    accuracy.precision(), accuracy.recall(), accuracy.f1(), accuracy.titleF1());
            outlineTotal += accuracy.outline();
            detectedTotal += accuracy.detected();
            matchedTotal += accuracy.matched();
            titleOnlyTotal += accuracy.titleOnly();
            f1Sum += accuracy.f1();
            titleF1Sum += accuracy.titleF1();
            measured++;
        }
        Accuracy total = new Accuracy(outlineTotal, detectedTotal, matchedTotal, titleOnlyTotal);
        System.out.printf(Locale.ROOT, "%-44s %7d %8d %7d %10d %6.3f %6.3f %6.3f %8.3f%n", "TOTAL (micro-averaged)",
                total.outline(), total.detected(), total.matched(), total.titleOnly(), total.precision(),
                total.recall(), total.f1(), total.titleF1());
        if (measured > 0) {
            System.out.printf(Locale.ROOT, "%-44s %60.3f %8.3f%n", "MEAN of " + measured + " files", f1Sum / measured,
                    titleF1Sum / measured);
        }
        System.out.println();
    }

    private static Outcome split(DocumentSplitter splitter, Path file) {
        try {
            SplitResult result = splitter.split(file);
            return new Outcome(result, String.valueOf(result.info().pageCount()),
                    String.valueOf(result.sections().size()), result.info().headingSource(), "done");
        }
        catch (SplitFailed e) {
            return new Outcome(null, "-", "-", "-", "failed: " + e.reason().code());
        }
    }

    /**
     * Plain PDFBox extraction of the whole text with the same memory setting; -1 when
     * PDFBox cannot read it.
     */
    private long plainText(Path file) {
        try (PDDocument document = Loader.loadPDF(file.toFile(), "", null, null,
                MemoryUsageSetting.setupMixed(settings.maxMainMemoryBytes()).streamCache)) {
            CountingWriter counter = new CountingWriter();
            new PDFTextStripper().writeText(document, counter);
            return counter.count;
        }
        catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String abbreviate(Path file) {
        String name = file.getFileName().toString();
        return name.length() <= 44 ? name : name.substring(0, 41) + "...";
    }

    private record Outcome(@Nullable SplitResult result, String pages, String sections, String source, String status) {
    }

    private static final class CountingWriter extends Writer {

        private long count;

        @Override
        public void write(char[] buffer, int offset, int length) {
            count += length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

    }

    private record Accuracy(int outline, int detected, int matched, int titleOnly) {

        static Accuracy of(List<OutlineEntry> outline, List<Heading> detected) {
            Map<String, Integer> expected = new HashMap<>();
            Map<String, Integer> expectedTitles = new HashMap<>();
            int count = 0;
            for (int i = 0; i < outline.size(); i++) {
                OutlineEntry entry = outline.get(i);
                boolean hasChildren = i + 1 < outline.size() && outline.get(i + 1).level() > entry.level();
                if (!hasChildren && CONTENTS.matcher(entry.title()).matches()) {
                    continue;
                }
                count++;
                expected.merge(normalise(entry.title()) + "|" + entry.level(), 1, Integer::sum);
                expectedTitles.merge(normalise(entry.title()), 1, Integer::sum);
            }
            int matched = 0;
            int titleOnly = 0;
            for (Heading heading : detected) {
                if (take(expected, normalise(heading.title()) + "|" + heading.level())) {
                    matched++;
                }
                if (take(expectedTitles, normalise(heading.title()))) {
                    titleOnly++;
                }
            }
            return new Accuracy(count, detected.size(), matched, titleOnly);
        }

        private static boolean take(Map<String, Integer> remaining, String key) {
            int left = remaining.getOrDefault(key, 0);
            if (left == 0) {
                return false;
            }
            remaining.put(key, left - 1);
            return true;
        }

        static String normalise(String title) {
            return NOT_WORD.matcher(Numbering.withoutNumber(title).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        }

        double precision() {
            return detected == 0 ? 0 : (double) matched / detected;
        }

        double recall() {
            return outline == 0 ? 0 : (double) matched / outline;
        }

        double f1() {
            double sum = precision() + recall();
            return sum == 0 ? 0 : 2 * precision() * recall() / sum;
        }

        /** F1 on titles alone, whatever their level. */
        double titleF1() {
            double precision = detected == 0 ? 0 : (double) titleOnly / detected;
            double recall = outline == 0 ? 0 : (double) titleOnly / outline;
            double sum = precision + recall;
            return sum == 0 ? 0 : 2 * precision * recall / sum;
        }
    }

}
