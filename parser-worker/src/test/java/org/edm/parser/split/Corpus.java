package org.edm.parser.split;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.edm.events.FailureReason;
import org.edm.testsupport.SharedCorpus;
import org.jspecify.annotations.Nullable;

/**
 * The shared corpus of real specifications ({@code shared/corpus} with its
 * {@code MANIFEST.tsv}), found by {@link SharedCorpus}, and its manifest rows.
 */
final class Corpus {

    static final String PROPERTY = SharedCorpus.PROPERTY;

    private Corpus() {
    }

    static Optional<Path> directory() {
        return SharedCorpus.find();
    }

    /**
     * The corpus folder; skips the test without it, fails it on CI (see
     * {@link SharedCorpus#require()}).
     */
    static Path require() {
        return SharedCorpus.require();
    }

    /** The manifest's rows, one per file. */
    static List<Entry> entries(Path directory) {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("MANIFEST.tsv"));
            List<Entry> entries = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                entries.add(new Entry(directory.resolve(columns[0]), number(columns[4]), number(columns[5]),
                        columns[6].strip(), columns.length > 7 ? columns[7].strip() : ""));
            }
            return entries;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable Integer number(String column) {
        String value = column.strip();
        return value.matches("\\d+") ? Integer.valueOf(value) : null;
    }

    /**
     * One manifest row.
     *
     * @param file the PDF
     * @param pages page count, when known
     * @param outlineEntries number of outline entries, when known
     * @param encrypted "yes", "no" or unknown
     * @param note what the file is for
     */
    record Entry(Path file, @Nullable Integer pages, @Nullable Integer outlineEntries, String encrypted, String note) {

        String name() {
            return file.getFileName().toString();
        }

        /** The failure the manifest's note calls for; null when the file must split. */
        @Nullable FailureReason expectedFailure() {
            String lower = note.toLowerCase(Locale.ROOT);
            if (lower.contains("no extractable text")) {
                // "scanned pages, no text layer: must end failed (no extractable text)
                // unless OCR is added"
                boolean ocrRecognises = lower.contains("unless ocr") && OcrSettings.defaults().available();
                return ocrRecognises ? null : FailureReason.NO_TEXT;
            }
            if (lower.contains("password")) {
                return FailureReason.ENCRYPTED;
            }
            if (lower.contains("damaged on purpose")) {
                return FailureReason.DAMAGED;
            }
            return null;
        }

        /** A fuzzed file may split (what is readable) or fail as damaged. */
        boolean mayFailAsDamaged() {
            return note.toLowerCase(Locale.ROOT).contains("fuzzed");
        }
    }

}
