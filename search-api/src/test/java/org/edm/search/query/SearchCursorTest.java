package org.edm.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.edm.search.web.InvalidCursor;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

    @Test
    void roundTripsScoreAndIdExactly() {
        var sampled = new SearchCursor(1.0 + Math.ulp(1.0), UUID.randomUUID(), true, false, true, false);
        var deepened = new SearchCursor(0.5, UUID.randomUUID(), false, true, false, true);

        assertThat(SearchCursor.decode(sampled.encode("q"), "q")).isEqualTo(sampled);
        assertThat(SearchCursor.decode(deepened.encode("q"), "q")).isEqualTo(deepened);
    }

    @Test
    void refusesCursorOfAnotherQueryOrTamperedOrGarbage() {
        String text = new SearchCursor(0.25, UUID.randomUUID(), false, false, false, false).encode("q");

        assertThatThrownBy(() -> SearchCursor.decode(text, "other")).isInstanceOf(InvalidCursor.class);
        assertThatThrownBy(() -> SearchCursor.decode(text.substring(1), "q")).isInstanceOf(InvalidCursor.class);
        assertThatThrownBy(() -> SearchCursor.decode("%%%", "q")).isInstanceOf(InvalidCursor.class);
        assertThatThrownBy(() -> SearchCursor.decode("", "q")).isInstanceOf(InvalidCursor.class);
        String nan = new SearchCursor(Double.NaN, UUID.randomUUID(), false, false, false, false).encode("q");
        assertThatThrownBy(() -> SearchCursor.decode(nan, "q")).isInstanceOf(InvalidCursor.class);
        byte[] bytes = java.util.Base64.getUrlDecoder().decode(text);
        bytes[bytes.length - 1] = 16;
        String unknownPlan = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThatThrownBy(() -> SearchCursor.decode(unknownPlan, "q")).isInstanceOf(InvalidCursor.class);
        // the sample is never deepened, and never read with word pairs
        for (byte plan : new byte[] { 6, 10 }) {
            bytes[bytes.length - 1] = plan;
            String badPlan = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            assertThatThrownBy(() -> SearchCursor.decode(badPlan, "q")).isInstanceOf(InvalidCursor.class);
        }
    }

}
