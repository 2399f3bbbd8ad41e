package org.edm.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.edm.parser.split.OcrSettings;
import org.edm.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs every PDF of {@code shared/corpus} through the worker end to end (row, stored
 * file, event, consumer, database) and prints per file: status, reason, sections, pages,
 * parse time. Skipped when the corpus is absent. The corpus directory is the system
 * property {@code edm.corpus.dir}, else the first {@code shared/corpus} found walking up
 * from the module directory.
 */
class CorpusIntegrationTest extends WorkerIntegrationTest {

    @Autowired
    MeterRegistry meters;

    /**
     * Files that must fail, with their reason; every other file must end done, except the
     * fuzzed ones.
     */
    private static final Map<String, String> EXPECTED_FAILURES = expectedFailures();

    /**
     * The scanned survey is recognised by OCR where Tesseract is installed, and fails
     * {@code no_text} elsewhere.
     */
    private static Map<String, String> expectedFailures() {
        Map<String, String> failures = new LinkedHashMap<>(
                Map.of("damaged-truncated.pdf", "damaged", "issue3371.pdf", "encrypted"));
        if (!OcrSettings.defaults().available()) {
            failures.put("SurveyOfBinaryProtocolParsers.pdf", "no_text");
        }
        return Map.copyOf(failures);
    }

    /**
     * Hostile files: either outcome is right, as long as it is a final one with a reason
     * when failed.
     */
    private static final Set<String> EITHER = Set.of("poppler-90-0-fuzzed.pdf");

    private static final Set<String> REASONS = Set.of("not_a_pdf", "encrypted", "damaged", "no_text", "file_missing",
            "too_large", "timeout", "processing_error");

    @Test
    void everyCorpusFileEndsDoneOrFailedWithAReason() throws IOException {
        Path corpus = SharedCorpus.require();
        List<Path> pdfs;
        try (Stream<Path> files = Files.list(corpus)) {
            pdfs = files.filter(f -> f.getFileName().toString().endsWith(".pdf")).sorted().toList();
        }
        assertThat(pdfs).as("PDFs in " + corpus).isNotEmpty();

        double takenOverBefore = takenOver();

        // when: each file is uploaded as ingest-service would do it
        long started = System.nanoTime();
        Map<String, UUID> documents = new LinkedHashMap<>();
        for (Path pdf : pdfs) {
            UUID documentId = pendingDocument(Files.readAllBytes(pdf));
            documents.put(pdf.getFileName().toString(), documentId);
            publish(uploadedEvent(documentId));
        }
        for (UUID documentId : documents.values()) {
            awaitFinalStatus(documentId, Duration.ofMinutes(5));
        }
        long wallMs = (System.nanoTime() - started) / 1_000_000;

        // then
        List<String> rows = new ArrayList<>();
        rows.add(String.format("%-45s %-7s %-14s %8s %6s %8s", "file", "status", "reason", "sections", "pages", "ms"));
        long pages = 0;
        for (var entry : documents.entrySet()) {
            String file = entry.getKey();
            UUID documentId = entry.getValue();
            String status = status(documentId);
            String reason = metadata(documentId, "failure_reason");
            int sections = sections(documentId).size();
            Integer pageCount = jdbc.sql("SELECT page_count FROM documents WHERE id = :id")
                .param("id", documentId)
                .query(Integer.class)
                .optional()
                .orElse(null);
            pages += pageCount == null ? 0 : pageCount;
            rows.add(String.format("%-45s %-7s %-14s %8d %6s %8s", file, status, reason == null ? "-" : reason,
                    sections, pageCount == null ? "-" : pageCount, metadata(documentId, "parse_duration_ms")));

            if (EXPECTED_FAILURES.containsKey(file)) {
                assertThat(status).as(file).isEqualTo("failed");
                assertThat(reason).as(file).isEqualTo(EXPECTED_FAILURES.get(file));
            }
            else if (EITHER.contains(file)) {
                assertThat(status).as(file).isIn("done", "failed");
            }
            else {
                assertThat(status).as(file + " (" + reason + ")").isEqualTo("done");
            }
            assertThat(processedEventRows(documentId)).as(file).isEqualTo(1);
            assertThat(outboxRows(documentId)).as(file).isEqualTo(1);
            if ("done".equals(status)) {
                assertThat(sections).as(file).isPositive();
            }
            else {
                assertThat(reason).as(file).isIn(REASONS);
                assertThat(sections).as(file).isZero();
            }
        }
        // Parses far longer than the test's stale-after of 3 s keep their claim by
        // heartbeat: nothing is taken over.
        assertThat(takenOver()).isEqualTo(takenOverBefore);
        rows.add(String.format("%d files, %d pages parsed to done, %d ms wall time from first upload to last result",
                documents.size(), pages, wallMs));
        String table = String.join(System.lineSeparator(), rows);
        System.out.println(table);
        Files.writeString(Path.of("target/corpus-report.txt"), table + System.lineSeparator());
    }

    private double takenOver() {
        var counter = meters.find("edm.parser.skipped").tag("why", "taken_over").counter();
        return counter == null ? 0 : counter.count();
    }

}
