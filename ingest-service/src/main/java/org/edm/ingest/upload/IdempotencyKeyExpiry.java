package org.edm.ingest.upload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Forgets Idempotency-Keys older than {@code edm.upload.idempotency-key-retention}. */
@Component
public class IdempotencyKeyExpiry {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyExpiry.class);

    private final IdempotencyKeys keys;

    IdempotencyKeyExpiry(IdempotencyKeys keys) {
        this.keys = keys;
    }

    public void run() {
        try {
            int deleted = keys.deleteExpired();
            if (deleted > 0) {
                log.info("Forgot {} Idempotency-Keys older than {}", deleted, keys.retention());
            }
        } catch (RuntimeException e) {
            log.warn("Idempotency-Key expiry failed, retrying at the next run: {}", e.toString());
        }
    }
}
