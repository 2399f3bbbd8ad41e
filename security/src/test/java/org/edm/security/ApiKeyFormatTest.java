package org.edm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    @Test
    void generatedKeysAreWellFormedDistinctAndHashedAsSha256Hex() {
        SecureRandom random = new SecureRandom();

        String one = ApiKeyFormat.generate(random);
        String two = ApiKeyFormat.generate(random);

        assertThat(one).startsWith("edm_").hasSize(4 + 43).isNotEqualTo(two);
        assertThat(ApiKeyFormat.isWellFormed(one)).isTrue();
        assertThat(ApiKeyFormat.hash(one)).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(ApiKeyFormat.hash(two));
        assertThat(ApiKeyFormat.displayPrefix(one)).hasSize(12).isEqualTo(one.substring(0, 12));
    }

    @Test
    void theHashIsTheStandardSha256OfTheWholeKey() {
        // the FIPS 180-2 test vector for "abc"
        assertThat(ApiKeyFormat.hash("abc"))
            .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void otherShapesAreNotKeys() {
        assertThat(ApiKeyFormat.isWellFormed("edm_short")).isFalse();
        assertThat(ApiKeyFormat.isWellFormed("xyz_" + "A".repeat(43))).isFalse();
        assertThat(ApiKeyFormat.isWellFormed("edm_" + "A".repeat(42) + "=")).isFalse();
        assertThat(ApiKeyFormat.isWellFormed("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).isFalse();
    }

}
