package org.edm.ingest.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.edm.security.RejectedRequest;

/**
 * Passes the upload through while checking it is a PDF by its content: the header
 * {@code %PDF-} must start within the first {@value #HEADER_WINDOW} bytes (where PDF
 * readers look for it). Stops the copy as soon as the answer is no, or the size limit is
 * passed, by throwing {@link Refused}. Whether the PDF is complete and readable is
 * parser-worker's judgement: a damaged PDF is accepted and ends {@code failed} with a
 * reason.
 */
final class PdfSniffer extends FilterInputStream {

    static final int HEADER_WINDOW = 1024;

    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final long maxBytes;

    private final byte[] head = new byte[HEADER_WINDOW + HEADER.length - 1];

    private int headLength;

    private boolean headerFound;

    private long count;

    PdfSniffer(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b == -1) {
            atEnd();
        }
        else {
            observe(new byte[] { (byte) b }, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read == -1) {
            atEnd();
        }
        else {
            observe(buffer, offset, read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("the upload is copied, not skipped");
    }

    private void observe(byte[] buffer, int offset, int read) throws Refused {
        count += read;
        if (count > maxBytes) {
            throw new Refused(new Rejections.DocumentTooLarge(maxBytes));
        }
        if (!headerFound && headLength < head.length) {
            int copy = Math.min(read, head.length - headLength);
            System.arraycopy(buffer, offset, head, headLength, copy);
            headLength += copy;
            headerFound = headerInHead();
            if (!headerFound && headLength == head.length) {
                throw new Refused(new Rejections.NotAPdf());
            }
        }
    }

    private void atEnd() throws Refused {
        if (count > 0 && !headerFound) {
            throw new Refused(new Rejections.NotAPdf());
        }
    }

    private boolean headerInHead() {
        outer: for (int start = 0; start + HEADER.length <= headLength && start < HEADER_WINDOW; start++) {
            for (int i = 0; i < HEADER.length; i++) {
                if (head[start + i] != HEADER[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The content was refused while it streamed; carries the rejection to answer with.
     */
    static final class Refused extends IOException {

        private final transient RejectedRequest rejection;

        Refused(RejectedRequest rejection) {
            super(rejection.getMessage());
            this.rejection = rejection;
        }

        RejectedRequest rejection() {
            return rejection;
        }

    }

}
