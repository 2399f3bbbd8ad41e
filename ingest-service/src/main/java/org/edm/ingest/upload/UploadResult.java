package org.edm.ingest.upload;

import java.util.Locale;

import org.edm.ingest.document.StoredDocument;

/** What an upload came to. */
record UploadResult(StoredDocument document, Outcome outcome) {

    enum Outcome {

        /** A new document was stored and announced. */
        CREATED,
        /**
         * Identical bytes with the same title and version were stored before: that
         * document is returned.
         */
        DUPLICATE,
        /**
         * The Idempotency-Key was seen before with the same upload: its document is
         * returned.
         */
        REPLAYED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

    }
}
