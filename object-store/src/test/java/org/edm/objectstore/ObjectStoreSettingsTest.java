package org.edm.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ObjectStoreSettingsTest {

    @Test
    void aPrefixGainsItsTrailingSlashAndAnEmptyOneStaysEmpty() {
        assertThat(settings("edm", Duration.ofSeconds(30)).prefix()).isEqualTo("edm/");
        assertThat(settings("edm/", Duration.ofSeconds(30)).prefix()).isEqualTo("edm/");
        assertThat(settings("", Duration.ofSeconds(30)).prefix()).isEmpty();
    }

    @Test
    void anAbsolutePrefixOrANonPositiveTimeoutIsRefusedNamingTheSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> settings("/edm", Duration.ofSeconds(30)))
            .withMessageContaining("edm.storage.s3.prefix");
        assertThatIllegalArgumentException().isThrownBy(() -> settings("", Duration.ZERO))
            .withMessageContaining("edm.storage.s3.api-call-timeout");
    }

    @Test
    void aBlankBucketIsNoBucket() {
        assertThat(new ObjectStoreSettings(" ", "", null, "us-east-1", false, Duration.ofSeconds(1)).hasBucket())
            .isFalse();
        assertThat(new ObjectStoreSettings(null, "", null, "us-east-1", false, Duration.ofSeconds(1)).hasBucket())
            .isFalse();
        assertThat(settings("", Duration.ofSeconds(1)).hasBucket()).isTrue();
    }

    @Test
    void theClientAddressesTheConfiguredEndpointAndRegion() {
        try (var client = settings("", Duration.ofSeconds(1)).client()) {
            assertThat(client.serviceClientConfiguration().endpointOverride())
                .contains(URI.create("http://store:9000"));
            assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("eu-central-1");
        }
    }

    private static ObjectStoreSettings settings(String prefix, Duration timeout) {
        return new ObjectStoreSettings("documents", prefix, URI.create("http://store:9000"), "eu-central-1", true,
                timeout);
    }

}
