package org.edm.migrations.contract;

/**
 * One result of comparing a database with the contract.
 *
 * @param severity {@link Severity#DIFFERENCE} fails {@code verify}; {@link Severity#INFO}
 * does not
 * @param subject what it is about, e.g. {@code column documents.title}
 * @param detail what differs, e.g. {@code nullable, expected NOT NULL}
 */
public record Finding(Severity severity, String subject, String detail) {

    public enum Severity {

        DIFFERENCE, INFO

    }

    static Finding difference(String subject, String detail) {
        return new Finding(Severity.DIFFERENCE, subject, detail);
    }

    static Finding info(String subject, String detail) {
        return new Finding(Severity.INFO, subject, detail);
    }

    public boolean isDifference() {
        return severity == Severity.DIFFERENCE;
    }

    /**
     * One line for the terminal:
     * {@code DIFFERENT column documents.title: nullable, expected NOT NULL}.
     */
    @Override
    public String toString() {
        return (isDifference() ? "DIFFERENT " : "info      ") + subject + ": " + detail;
    }
}
