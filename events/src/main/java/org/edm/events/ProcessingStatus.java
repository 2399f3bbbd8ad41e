package org.edm.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where a document is in its life: the one vocabulary of
 * {@code documents.processing_status} (its CHECK constraint allows exactly these values),
 * the APIs' {@code processingStatus} and {@link DocumentProcessed#status()} (which is
 * {@link #DONE} or {@link #FAILED}). The wire and column form is {@link #value()}
 * ({@code pending}, ...).
 *
 * <p>
 * A document moves {@code pending -> processing -> done} or {@code -> failed}; a
 * reprocess of a {@code done} document keeps it {@code done} until new sections replace
 * the old ones.
 */
public enum ProcessingStatus {

    /** Stored and announced; no worker has claimed it yet. */
    PENDING,
    /** A worker holds the claim and is splitting it. */
    PROCESSING,
    /** Its sections are written and searchable. */
    DONE,
    /** Parsing gave up; {@link FailureReason} says why. */
    FAILED;

    private static final Map<String, String> SQL_PARAMETERS = Arrays.stream(values())
        .collect(Collectors.toUnmodifiableMap(ProcessingStatus::value, ProcessingStatus::value));

    private static final Map<String, ProcessingStatus> BY_VALUE = Arrays.stream(values())
        .collect(Collectors.toUnmodifiableMap(ProcessingStatus::value, Function.identity()));

    /** The column and wire form, e.g. {@code "pending"}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the document is settled: its status changes again only when someone asks
     * for it (a reprocess or a delete).
     */
    public boolean isFinal() {
        return this == DONE || this == FAILED;
    }

    /** The status whose {@link #value()} is {@code value}; empty for any other text. */
    public static Optional<ProcessingStatus> fromValue(String value) {
        return Optional.ofNullable(BY_VALUE.get(value));
    }

    /**
     * Every status as a named SQL parameter of the same name ({@code :pending},
     * {@code :processing}, {@code :done}, {@code :failed}), for statements that write
     * {@code processing_status = :done} instead of a literal. No index depends on a
     * status literal (the only status index covers the whole column), so binding costs no
     * plan.
     */
    public static Map<String, String> sqlParameters() {
        return SQL_PARAMETERS;
    }

}
