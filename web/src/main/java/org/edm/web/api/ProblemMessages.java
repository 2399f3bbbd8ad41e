package org.edm.web.api;

import java.util.Locale;

/** The APIs' problems and parser failure reasons as sentences a person understands. */
public final class ProblemMessages {

    private ProblemMessages() {
    }

    static String inWords(ApiProblem problem) {
        String field = String.valueOf(problem.property("field"));
        return switch (problem.type()) {
            case "not-a-pdf" -> "This file is not a PDF.";
            case "document-too-large" -> "This file is too large" + maxSize(problem.property("maxSizeBytes")) + ".";
            case "file-empty" -> "This file is empty.";
            case "file-missing" -> "No file was sent.";
            case "field-missing" -> "The " + field + " is missing.";
            case "field-too-long" ->
                "The " + field + " is longer than " + problem.property("maxLength") + " characters.";
            case "field-invalid" -> "The " + field + " contains characters that are not allowed.";
            case "insufficient-storage" -> "The server is short of disk space; try again later.";
            case "storage-unavailable", "database-unavailable" -> "The service is unavailable; try again shortly.";
            case "rate-limited" -> "Too many requests in a short time; wait a moment and try again.";
            case "unauthorized" -> "Your key is no longer valid. Sign in again.";
            case "missing-scope" -> "Your key does not allow this.";
            case "document-not-found" -> "This document does not exist (any more).";
            case "document-file-missing" -> "The stored PDF of this document is missing.";
            case "section-not-found" -> "This section does not exist (any more).";
            case "document-busy" -> "The document is being processed right now; try again when it is done.";
            case "empty-query" -> "Type something to search for.";
            case "nothing-to-search-for" -> "The query only excludes words; add a word to look for.";
            case "query-too-long" -> "The query is too long.";
            case "query-too-complex" -> "The query has too many words; use fewer.";
            case "invalid-cursor" -> "This page of results has expired; search again.";
            case "timeout" -> "The search took too long; make it more specific.";
            case "family-not-found" -> "No document has this title.";
            case "not-comparable" -> "These two cannot be compared: both must be parsed versions of one document.";
            default -> problem.getMessage();
        };
    }

    /**
     * Why the parser gave up on a document ({@code metadata.failure_reason}), in words.
     */
    public static String failureReason(String reason) {
        return switch (reason) {
            case "not_a_pdf" -> "the file is not a PDF";
            case "encrypted" -> "the PDF is protected by a password";
            case "damaged" -> "the PDF is damaged and cannot be read";
            case "no_text" -> "the PDF has no text to extract (scanned pages?)";
            case "file_missing" -> "the stored file is missing";
            case "too_large" -> "the PDF has too many pages";
            case "timeout" -> "splitting it took too long";
            case "processing_error" -> "processing failed unexpectedly";
            default -> reason.replace('_', ' ').toLowerCase(Locale.ROOT);
        };
    }

    private static String maxSize(Object bytes) {
        if (bytes instanceof Number number && number.longValue() > 0) {
            return " (the limit is " + Math.max(1, number.longValue() / (1024 * 1024)) + " MB)";
        }
        return "";
    }

}
