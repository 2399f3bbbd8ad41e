package org.edm.parser.split;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Lists the headings that outline completion adds to each corpus PDF with an outline, for
 * judging their precision by hand: page, level, style, title and the line after it.
 * Prints, asserts nothing.
 *
 * <p>
 * Run:
 * {@code mvn -B -Pbenchmark -pl parser-worker -am test -Dtest=OutlineCompletionBenchmark};
 * check a heading with {@code pdftotext -layout -f N -l N file.pdf -}.
 */
class OutlineCompletionBenchmark {

    private final DocumentSplitter splitter = new DocumentSplitter(
            SplitSettings.defaults().withOcr(OcrSettings.disabled()));

    @Test
    void headingsAddedToOutlines() throws Exception {
        var directory = Corpus.directory();
        assumeTrue(directory.isPresent(), "no shared corpus; set -D" + Corpus.PROPERTY + "=<dir>");
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(directory.get(), directory.get().resolve("versions"))) {
            if (Files.isDirectory(folder)) {
                try (var listing = Files.list(folder)) {
                    listing.filter(f -> f.toString().endsWith(".pdf")).sorted().forEach(files::add);
                }
            }
        }
        System.out.println();
        System.out.println("== Headings added to outlines (judge each: a heading, or a label/caption/cell?) ==");
        int total = 0;
        for (Path file : files) {
            DocumentSplitter.Analysis analysis;
            try {
                analysis = splitter.analyse(file, true);
            }
            catch (SplitFailed e) {
                continue;
            }
            if (analysis.outline().isEmpty()) {
                continue;
            }
            System.out.printf(Locale.ROOT, "%s: outline %d, added %d%n", file.getFileName(), analysis.outline().size(),
                    analysis.addedToOutline().size());
            for (Heading heading : analysis.addedToOutline()) {
                TextLine line = analysis.lines().get(heading.line());
                int after = heading.line() + Math.max(1, heading.lineCount());
                String next = after < analysis.lines().size() ? analysis.lines().get(after).text() : "";
                System.out.printf(Locale.ROOT, "  p%-4d L%d %5.1f%s x%-5.0f %s  || %s%n", heading.page(),
                        heading.level(), line.fontSize(), line.bold() ? "b" : " ", line.left(), heading.title(),
                        next.length() > 60 ? next.substring(0, 60) : next);
                total++;
            }
        }
        System.out.println("added in all: " + total);
    }

}
