package org.edm.search.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Realistic section text for the benchmark: the readable PDFs of the shared corpus, page
 * by page, cut into heading-led chunks of a few dozen words. It only has to look like
 * what the parser writes (exchange-spec vocabulary and identifiers, Zipf-like word
 * frequencies), not split as carefully.
 */
final class CorpusSections {

    record BaseSection(int level, String title, String content, int pageNumber) {
    }

    record BaseDocument(String title, String version, List<BaseSection> sections) {
    }

    private CorpusSections() {
    }

    /**
     * Reads every PDF in {@code directory} that has a text layer. Files that MANIFEST.tsv
     * says must fail processing (damaged, encrypted, scanned on purpose) are skipped, as
     * are any others that cannot be read.
     */
    static List<BaseDocument> read(Path directory) throws IOException {
        Set<String> broken = new HashSet<>();
        Path manifest = directory.resolve("MANIFEST.tsv");
        if (Files.exists(manifest)) {
            for (String line : Files.readAllLines(manifest)) {
                if (line.contains("must end failed")) {
                    broken.add(line.split("\t")[0]);
                }
            }
        }
        List<BaseDocument> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pdf"))
                .filter(f -> !broken.contains(f.getFileName().toString()))
                .sorted()
                .toList()) {
                try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                    BaseDocument document = split(file.getFileName().toString(), pdf);
                    if (document.sections().size() >= 10) {
                        documents.add(document);
                    }
                }
                catch (IOException | RuntimeException e) {
                    // damaged, encrypted or scanned files are part of the corpus on
                    // purpose
                }
            }
        }
        return documents;
    }

    private static BaseDocument split(String fileName, PDDocument pdf) throws IOException {
        String name = fileName.replaceFirst("\\.pdf$", "");
        String version = name.replaceFirst("^.*\\.v(\\d+(\\.\\d+)*)(\\.[a-z])?$", "$1");
        if (version.equals(name)) {
            version = "1.0";
        }
        String title = name.replaceFirst("\\.v\\d.*$", "").replace('.', ' ');
        var stripper = new PDFTextStripper();
        List<BaseSection> sections = new ArrayList<>();
        String heading = title;
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            String text = stripper.getText(pdf);
            List<String> words = new ArrayList<>();
            for (String line : text.split("\\R")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (looksLikeHeading(trimmed) && (words.isEmpty() || words.size() >= 25)) {
                    if (!words.isEmpty()) {
                        sections.add(new BaseSection(levelOf(trimmed), heading, String.join(" ", words), page));
                        words.clear();
                    }
                    heading = trimmed.replaceFirst("^[0-9.]+\\s+", "");
                    continue;
                }
                for (String word : trimmed.split("\\s+")) {
                    words.add(word);
                    if (words.size() >= 120) {
                        sections.add(new BaseSection(2, heading, String.join(" ", words), page));
                        words.clear();
                    }
                }
            }
            if (words.size() >= 8) {
                sections.add(new BaseSection(2, heading, String.join(" ", words), page));
            }
        }
        return new BaseDocument(title, version, sections);
    }

    /**
     * A short line without a final period that starts with a section number or a capital:
     * a heading.
     */
    private static boolean looksLikeHeading(String line) {
        return line.length() >= 4 && line.length() <= 60 && !line.endsWith(".") && !line.endsWith(",")
                && line.matches("(\\d+(\\.\\d+)*\\.?\\s+)?[A-Z][A-Za-z0-9 ()/_-]+") && line.split("\\s+").length <= 7;
    }

    private static int levelOf(String heading) {
        var number = heading.split("\\s+")[0];
        return number.matches("\\d+(\\.\\d+)*\\.?") ? Math.min(4, number.replaceAll("\\.$", "").split("\\.").length)
                : 2;
    }

}
