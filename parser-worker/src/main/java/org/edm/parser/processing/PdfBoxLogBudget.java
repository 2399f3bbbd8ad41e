package org.edm.parser.processing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Bounds what PDFBox logs for one document. PDFBox logs a damaged file's complaints at
 * ERROR one by one: the corpus's fuzzed file logs "Invalid hex" 1,680 times, once per bad
 * character, so a hostile upload could fill the worker's log (and the disk or the log
 * pipeline behind it) by itself. Each split thread may log {@link #PER_DOCUMENT} PDFBox
 * events per document, then one line saying the rest were suppressed; the document's
 * status already says what matters ({@code failed} with its reason, or unreadable pages
 * in its metadata).
 */
final class PdfBoxLogBudget extends TurboFilter {

    static final int PER_DOCUMENT = 20;

    private static final String PDFBOX = "org.apache.pdfbox";

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(PdfBoxLogBudget.class);

    /** PDFBox events logged on this thread since its document began. */
    private static final ThreadLocal<int[]> LOGGED = ThreadLocal.withInitial(() -> new int[1]);

    private PdfBoxLogBudget() {
    }

    /** Installs the budget once in logback's context; without logback it does nothing. */
    static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(PdfBoxLogBudget.class::isInstance)) {
            PdfBoxLogBudget budget = new PdfBoxLogBudget();
            budget.setName("pdfbox-log-budget");
            budget.start();
            context.addTurboFilter(budget);
        }
    }

    /** A new document on this thread: its own budget. */
    static void startDocument() {
        LOGGED.get()[0] = 0;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || !logger.getName().startsWith(PDFBOX)
                || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        int logged = ++LOGGED.get()[0];
        if (logged <= PER_DOCUMENT) {
            return FilterReply.NEUTRAL;
        }
        if (logged == PER_DOCUMENT + 1) {
            log.warn("PDFBox logged {} messages for this document; the rest are suppressed", PER_DOCUMENT);
        }
        return FilterReply.DENY;
    }

}
