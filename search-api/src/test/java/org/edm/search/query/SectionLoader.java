package org.edm.search.query;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.edm.search.query.SyntheticSections.Document;
import org.edm.search.query.SyntheticSections.Section;
import org.postgresql.PGConnection;

/**
 * Bulk-loads generated documents and sections with COPY, the way a benchmark needs it:
 * secondary indexes dropped first and rebuilt (from their own definitions) afterwards,
 * two loaders in parallel, then ANALYZE.
 */
final class SectionLoader {

    private record Batch(List<Document> documents, List<Section> sections) {
    }

    private static final Batch END = new Batch(List.of(), List.of());

    private final String jdbcUrl;

    private final String user;

    private final String password;

    SectionLoader(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * Loads {@code total} generated sections with their documents; returns the number of
     * sections written.
     */
    long load(SyntheticSections generator, int total, int loaders, Consumer<String> progress) throws Exception {
        List<String> indexes = dropSecondaryIndexes();
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(loaders * 2);
        ExecutorService pool = Executors.newFixedThreadPool(loaders);
        List<Future<Long>> workers = new ArrayList<>();
        for (int i = 0; i < loaders; i++) {
            workers.add(pool.submit(() -> copyBatches(queue)));
        }
        long started = System.nanoTime();
        var documents = new ArrayList<Document>();
        var sections = new ArrayList<Section>();
        long[] emitted = { 0 };
        generator.generate(total, document -> {
            // a batch ends at a document boundary, so every section's parent is in the
            // same COPY
            if (sections.size() >= 20_000) {
                put(queue, new Batch(List.copyOf(documents), List.copyOf(sections)));
                emitted[0] += sections.size();
                if (emitted[0] % 100_000 < 20_000) {
                    progress.accept("loaded ~" + emitted[0] + " sections in "
                            + (System.nanoTime() - started) / 1_000_000_000 + " s");
                }
                documents.clear();
                sections.clear();
            }
            documents.add(document);
        }, sections::add);
        put(queue, new Batch(List.copyOf(documents), List.copyOf(sections)));
        for (int i = 0; i < loaders; i++) {
            put(queue, END);
        }
        long written = 0;
        for (Future<Long> worker : workers) {
            written += worker.get();
        }
        pool.shutdown();
        progress.accept("copied " + written + " sections in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
        long indexing = System.nanoTime();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET maintenance_work_mem = '1GB'");
            for (String definition : indexes) {
                statement.execute(definition);
            }
            statement.execute("VACUUM ANALYZE documents");
            statement.execute("VACUUM ANALYZE sections");
        }
        progress.accept("indexed and analysed in " + (System.nanoTime() - indexing) / 1_000_000_000 + " s");
        return written;
    }

    private List<String> dropSecondaryIndexes() throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            try (var rows = statement.executeQuery("""
                    SELECT indexname, indexdef FROM pg_indexes
                    WHERE schemaname = 'public' AND tablename = 'sections' AND indexname <> 'pk_sections'
                    """)) {
                List<String> names = new ArrayList<>();
                while (rows.next()) {
                    names.add(rows.getString(1));
                    definitions.add(rows.getString(2));
                }
                for (String name : names) {
                    statement.execute("DROP INDEX " + name);
                }
            }
        }
        return definitions;
    }

    private long copyBatches(BlockingQueue<Batch> queue) throws Exception {
        long written = 0;
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (Batch batch = queue.take(); batch != END; batch = queue.take()) {
                var documents = new StringBuilder();
                for (Document d : batch.documents()) {
                    row(documents, d.id(), d.title(), d.version(), "done", d.pageCount(),
                            "{\"producer\":\"SearchBenchmark\"}", "bench/" + d.id() + ".pdf");
                }
                copy.copyIn(
                        "COPY documents (id, title, version, processing_status, page_count, metadata, file_path) FROM STDIN",
                        new StringReader(documents.toString()));
                var sections = new StringBuilder(batch.sections().size() * 400);
                for (Section s : batch.sections()) {
                    row(sections, s.id(), s.documentId(), s.level(), s.title(), s.content(), s.pageNumber(),
                            s.parentId(), s.orderIndex());
                }
                copy.copyIn(
                        "COPY sections (id, document_id, level, title, content, page_number, parent_id, order_index) FROM STDIN",
                        new StringReader(sections.toString()));
                connection.commit();
                written += batch.sections().size();
            }
        }
        return written;
    }

    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object value = values[i];
            if (value == null) {
                out.append("\\N");
            }
            else {
                for (char c : value.toString().toCharArray()) {
                    switch (c) {
                        case '\\' -> out.append("\\\\");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        case '\0' -> {
                        }
                        default -> out.append(c);
                    }
                }
            }
        }
        out.append('\n');
    }

    private static void put(BlockingQueue<Batch> queue, Batch batch) {
        try {
            queue.put(batch);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

}
