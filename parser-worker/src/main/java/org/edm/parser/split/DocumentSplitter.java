package org.edm.parser.split;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Splits a PDF into ordered, hierarchical sections. Thread-safe and reusable: it holds only its settings.
 */
public final class DocumentSplitter {

    private final SplitSettings settings;

    public DocumentSplitter(SplitSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Splits the PDF at {@code pdf}.
     *
     * @throws SplitFailed when the file is missing, not a PDF, encrypted with an unknown password, damaged,
     *     without text, too large, or takes longer than the timeout
     */
    public SplitResult split(Path pdf) throws SplitFailed {
        throw new SplitFailed(FailureReason.DAMAGED, "not implemented yet");
    }
}
