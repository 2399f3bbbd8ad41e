package org.edm.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CursorSignerTest {

    private final CursorSigner signer = new CursorSigner("a server secret of some length");

    @Test
    void aSignedCursorVerifiesToItsPayload() {
        assertThat(signer.verify(signer.sign("AQIDBA"))).contains("AQIDBA");
        assertThat(signer.verify(signer.sign("with.dots.inside"))).contains("with.dots.inside");
    }

    @Test
    void anAlteredPayloadOrSignatureOrAnotherSecretFails() {
        String signed = signer.sign("AQIDBA");

        assertThat(signer.verify("AQIDBB" + signed.substring(6))).isEmpty();
        assertThat(signer.verify(signed.substring(0, signed.length() - 1) + "x")).isEmpty();
        assertThat(signer.verify("AQIDBA")).isEmpty();
        assertThat(new CursorSigner("another secret").verify(signed)).isEmpty();
        assertThat(CursorSigner.withRandomSecret().verify(signed)).isEmpty();
    }

}
