package org.edm.parser.split;

import java.util.Locale;

/** Why a document could not be split; {@link #code()} is the stable machine-readable form. */
public enum FailureReason {
    /** The file is not a PDF (no header, or it cannot be parsed at all). */
    NOT_A_PDF,
    /** The document needs a password we do not have. */
    ENCRYPTED,
    /** The file is a PDF but broken beyond reading (truncated, corrupt). */
    DAMAGED,
    /** The pages carry no extractable text (e.g. scanned images). */
    NO_TEXT,
    /** The file does not exist or cannot be read. */
    FILE_MISSING,
    /** More pages than the configured maximum. */
    TOO_LARGE,
    /** The split took longer than the configured timeout. */
    TIMEOUT;

    /** The stable code, e.g. {@code "not_a_pdf"}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
