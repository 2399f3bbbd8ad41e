package org.edm.localstack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.edm.events.ProcessingStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The final accounting of a soak run, computed from the database and the topics, never
 * assumed: which accepted documents are missing or not final, which hold a duplicated or
 * inconsistent set of sections, which were parsed twice (two {@code DocumentProcessed}
 * events with different event ids), and what the outbox still holds.
 */
final class SoakAccounting {

    private static final String DONE = ProcessingStatus.DONE.value();

    private static final String FAILED = ProcessingStatus.FAILED.value();

    /**
     * One row per accepted document that exists, with its sections counted three ways.
     */
    private static final String DOCUMENTS = """
            SELECT d.id, d.processing_status, d.metadata ->> 'failure_reason' AS failure_reason,
                   d.metadata ->> 'sha256' AS sha256,
                   count(s.id) AS sections,
                   count(DISTINCT s.order_index) AS positions,
                   coalesce(max(s.order_index) + 1, 0) AS span
              FROM documents d
              LEFT JOIN sections s ON s.document_id = d.id
             WHERE d.id = ANY (CAST(:ids AS uuid[]))
             GROUP BY d.id
            """;

    private static final String FINAL_COUNT = """
            SELECT count(*) FROM documents
             WHERE id = ANY (CAST(:ids AS uuid[])) AND processing_status IN (:done, :failed)
            """;

    private static final String OUTBOX = """
            SELECT count(*) FILTER (WHERE published_at IS NULL AND parked_at IS NULL) AS unpublished,
                   count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked
              FROM outbox_events
            """;

    private final JdbcClient jdbc;

    SoakAccounting(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * A statement with every {@link ProcessingStatus} bound by name ({@code :done}, ...),
     * so that the SQL names the statuses as the code does.
     */
    private JdbcClient.StatementSpec statement(String sql) {
        return jdbc.sql(sql).params(ProcessingStatus.sqlParameters());
    }

    /** What the database holds for one accepted document. */
    record DocumentRow(UUID id, String status, @Nullable String failureReason, @Nullable String sha256, long sections,
            long positions, long span) {

        boolean isFinal() {
            return ProcessingStatus.fromValue(status).map(ProcessingStatus::isFinal).orElse(false);
        }

        /**
         * Two sections on one position, or positions that do not run 0..n-1 without a
         * gap.
         */
        boolean sectionsBroken() {
            return sections != positions || sections != span;
        }

        String outcome() {
            return status.equals(FAILED) ? FAILED + "/" + (failureReason == null ? "?" : failureReason) : status;
        }
    }

    /**
     * Outbox rows not yet acknowledged by Kafka (parked ones not counted) and parked
     * rows.
     */
    record Outbox(long unpublished, long parked) {
    }

    Map<UUID, DocumentRow> documents(Collection<UUID> ids) {
        return statement(DOCUMENTS).param("ids", uuidArray(ids))
            .query((rs, n) -> new DocumentRow(rs.getObject("id", UUID.class), rs.getString("processing_status"),
                    rs.getString("failure_reason"), rs.getString("sha256"), rs.getLong("sections"),
                    rs.getLong("positions"), rs.getLong("span")))
            .list()
            .stream()
            .collect(Collectors.toMap(DocumentRow::id, Function.identity()));
    }

    long finalCount(Collection<UUID> ids) {
        return statement(FINAL_COUNT).param("ids", uuidArray(ids)).query(Long.class).single();
    }

    Outbox outbox() {
        return statement(OUTBOX).query((rs, n) -> new Outbox(rs.getLong("unpublished"), rs.getLong("parked"))).single();
    }

    /**
     * {@code {id,id,...}}: PostgreSQL's array literal, cast to {@code uuid[]} in the
     * query.
     */
    private static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * The figures of a run.
     *
     * @param accepted uploads the API accepted (202, or 200 for an idempotent replay)
     * @param outcomes final documents by {@code done} or {@code failed/<reason>}
     * @param missing accepted, but no row
     * @param notFinal accepted, still {@code pending} or {@code processing}
     * @param withoutEvent final, but no {@code DocumentProcessed} on
     * {@code documents.processed}
     * @param brokenSections two sections on one position or a gap
     * ({@code (document_id, order_index)})
     * @param inconsistent {@code done} with another section count than the other copies
     * of the same file (the same bytes split again) or than its own
     * {@code DocumentProcessed.sectionCount}
     * @param parsedTwice more than one {@code DocumentProcessed} event id
     * @param failedUnlikeCopies {@code failed} although another copy of the same file is
     * {@code done}: a good result destroyed by the faults or the load (e.g.
     * {@code attempts_exhausted}, {@code timeout})
     * @param redelivered records on {@code documents.processed} that repeat an event id
     * already seen (the outbox relay delivers at least once; consumers drop them by event
     * id): reported, not a defect
     * @param reannounced documents with more than one {@code DocumentUploaded} event id
     * (the pending sweeper)
     * @param uploadedRecords records on {@code documents.uploaded} and
     * {@code documents.uploaded.bulk}
     * @param outbox what the outbox still holds at the end
     * @param deadLetters records on the dead-letter topics
     */
    record Report(int accepted, Map<String, Long> outcomes, List<UUID> missing, List<UUID> notFinal,
            List<UUID> withoutEvent, List<UUID> brokenSections, List<UUID> inconsistent, List<UUID> parsedTwice,
            List<UUID> failedUnlikeCopies, long redelivered, long reannounced, long uploadedRecords, Outbox outbox,
            Map<String, Long> deadLetters) {

        long finals() {
            return outcomes.values().stream().mapToLong(Long::longValue).sum();
        }

        long lost() {
            return missing.size() + notFinal.size() + withoutEvent.size();
        }

        long duplicated() {
            return brokenSections.size() + inconsistent.size() + parsedTwice.size();
        }

        /**
         * 0 when nothing is lost, duplicated, failed unlike its copies or held back in
         * the outbox; 1 otherwise.
         */
        int exitCode() {
            return lost() == 0 && duplicated() == 0 && failedUnlikeCopies.isEmpty() && outbox.parked() == 0
                    && outbox.unpublished() == 0 ? 0 : 1;
        }

        String format() {
            var out = new StringBuilder();
            out.append("accepted: ").append(accepted).append('\n');
            out.append("final: ").append(finals()).append(' ').append(outcomes).append('\n');
            out.append("lost: ")
                .append(lost())
                .append(" (missing row ")
                .append(missing.size())
                .append(", never final ")
                .append(notFinal.size())
                .append(", final without DocumentProcessed ")
                .append(withoutEvent.size())
                .append(")")
                .append(ids(missing, notFinal, withoutEvent))
                .append('\n');
            out.append("duplicated: ")
                .append(duplicated())
                .append(" (duplicated or gapped section positions ")
                .append(brokenSections.size())
                .append(", section count unlike the re-split or the event ")
                .append(inconsistent.size())
                .append(", parsed twice (2+ DocumentProcessed event ids) ")
                .append(parsedTwice.size())
                .append(")")
                .append(ids(brokenSections, inconsistent, parsedTwice))
                .append('\n');
            out.append("failed although a copy of the same file is done: ")
                .append(failedUnlikeCopies.size())
                .append(ids(failedUnlikeCopies))
                .append('\n');
            out.append("events: ")
                .append(redelivered)
                .append(" redelivered DocumentProcessed records (same event id), ")
                .append(reannounced)
                .append(" documents announced again by the pending sweeper, ")
                .append(uploadedRecords)
                .append(" DocumentUploaded records in all\n");
            out.append("outbox: ")
                .append(outbox.parked())
                .append(" parked, ")
                .append(outbox.unpublished())
                .append(" unpublished\n");
            out.append("dead-lettered: ")
                .append(deadLetters.values().stream().mapToLong(Long::longValue).sum())
                .append(' ')
                .append(deadLetters)
                .append('\n');
            return out.toString();
        }

        @SafeVarargs
        private static String ids(List<UUID>... lists) {
            List<UUID> all = new ArrayList<>();
            for (List<UUID> list : lists) {
                all.addAll(list);
            }
            return all.isEmpty() ? ""
                    : "\n  " + all.stream().limit(20).map(UUID::toString).collect(Collectors.joining("\n  "))
                            + (all.size() > 20 ? "\n  ..." : "");
        }
    }

    /**
     * Accounts for every accepted upload. A {@code done} document is compared with the
     * other {@code done} copies of the same file (same SHA-256: the splitter is
     * deterministic, so each copy is a re-split of the others): the most common section
     * count is taken as right (the smaller one on a tie, as a duplicate adds sections).
     */
    static Report report(List<UUID> accepted, Map<UUID, DocumentRow> rows, TopicTally events, Outbox outbox) {
        Map<String, Long> outcomes = new TreeMap<>();
        List<UUID> missing = new ArrayList<>();
        List<UUID> notFinal = new ArrayList<>();
        List<UUID> withoutEvent = new ArrayList<>();
        List<UUID> broken = new ArrayList<>();
        List<UUID> inconsistent = new ArrayList<>();
        List<UUID> parsedTwice = new ArrayList<>();
        List<UUID> failedUnlikeCopies = new ArrayList<>();
        Map<String, Long> expectedSections = resplitCounts(rows.values());
        for (UUID id : Set.copyOf(accepted).stream().sorted().toList()) {
            DocumentRow row = rows.get(id);
            if (row == null) {
                missing.add(id);
                continue;
            }
            if (!row.isFinal()) {
                notFinal.add(id);
                continue;
            }
            outcomes.merge(row.outcome(), 1L, Long::sum);
            List<TopicTally.Processed> processed = events.processed(id);
            if (processed.isEmpty()) {
                withoutEvent.add(id);
            }
            if (processed.size() > 1) {
                parsedTwice.add(id);
            }
            if (row.status().equals(FAILED) && row.sha256() != null && expectedSections.containsKey(row.sha256())) {
                failedUnlikeCopies.add(id);
            }
            if (row.sectionsBroken()) {
                broken.add(id);
            }
            else if (row.status().equals(DONE)) {
                Long expected = row.sha256() == null ? null : expectedSections.get(row.sha256());
                boolean unlikeResplit = expected != null && expected != row.sections();
                boolean unlikeEvent = !processed.isEmpty()
                        && processed.get(processed.size() - 1).sectionCount() != row.sections();
                if (unlikeResplit || unlikeEvent) {
                    inconsistent.add(id);
                }
            }
        }
        return new Report(accepted.size(), outcomes, missing, notFinal, withoutEvent, broken, inconsistent, parsedTwice,
                failedUnlikeCopies, events.redelivered(), events.reannounced(Set.copyOf(accepted)),
                events.uploadedRecords(), outbox, events.deadLetters());
    }

    private static Map<String, Long> resplitCounts(Collection<DocumentRow> rows) {
        Map<String, Map<Long, Long>> countsBySha = new HashMap<>();
        for (DocumentRow row : rows) {
            if (row.status().equals(DONE) && row.sha256() != null) {
                countsBySha.computeIfAbsent(row.sha256(), sha -> new TreeMap<>()).merge(row.sections(), 1L, Long::sum);
            }
        }
        Map<String, Long> expected = new HashMap<>();
        countsBySha.forEach((sha, counts) -> {
            long best = -1;
            long bestCopies = 0;
            // ascending section counts: the smaller wins a tie
            for (var entry : counts.entrySet()) {
                if (entry.getValue() > bestCopies) {
                    best = entry.getKey();
                    bestCopies = entry.getValue();
                }
            }
            expected.put(sha, best);
        });
        return expected;
    }

}
