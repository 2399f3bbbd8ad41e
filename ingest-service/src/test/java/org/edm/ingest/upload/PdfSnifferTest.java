package org.edm.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.edm.ingest.web.IngestProblem;
import org.edm.security.ProblemType;
import org.junit.jupiter.api.Test;

class PdfSnifferTest {

    @Test
    void passesAPdfThroughUnchanged() throws IOException {
        byte[] pdf = "%PDF-1.7\n...content...\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(copy(pdf, 1_000)).isEqualTo(pdf);
    }

    @Test
    void acceptsAHeaderThatStartsWithinTheFirst1024Bytes() throws IOException {
        byte[] pdf = withHeaderAt(1023, 5_000);

        assertThat(copy(pdf, 10_000)).hasSize(pdf.length);
    }

    @Test
    void refusesAHeaderThatStartsAt1024() {
        assertRefused(withHeaderAt(1024, 5_000), 10_000, IngestProblem.NOT_A_PDF);
    }

    @Test
    void refusesContentWithoutHeaderEvenWhenShort() {
        assertRefused("hello".getBytes(StandardCharsets.US_ASCII), 1_000, IngestProblem.NOT_A_PDF);
    }

    @Test
    void stopsReadingAtTheSizeLimit() {
        byte[] pdf = withHeaderAt(0, 5_000);

        assertRefused(pdf, 4_999, IngestProblem.DOCUMENT_TOO_LARGE);
    }

    @Test
    void refusesANonPdfAfterItsFirstKilobyteWithoutReadingTheRest() throws IOException {
        var source = new CountingStream(new byte[10 * 1024 * 1024]);
        try (var sniffer = new PdfSniffer(source, Long.MAX_VALUE)) {
            assertThatThrownBy(() -> sniffer.transferTo(OutputStream.nullOutputStream()))
                .isInstanceOf(PdfSniffer.Refused.class);
        }
        assertThat(source.read).isLessThan(100_000);
    }

    private static byte[] withHeaderAt(int offset, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) ' ');
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, bytes, offset, 8);
        return bytes;
    }

    private static byte[] copy(byte[] content, long max) throws IOException {
        try (var sniffer = new PdfSniffer(new ByteArrayInputStream(content), max)) {
            return sniffer.readAllBytes();
        }
    }

    private static void assertRefused(byte[] content, long max, ProblemType type) {
        assertThatThrownBy(() -> copy(content, max)).isInstanceOfSatisfying(PdfSniffer.Refused.class,
                refused -> assertThat(refused.rejection().type()).isEqualTo(type));
    }

    private static final class CountingStream extends ByteArrayInputStream {

        long read;

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, Math.min(len, 8192));
            read += Math.max(n, 0);
            return n;
        }

    }

}
