package org.edm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.edm.testsupport.TestApiKeys;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/me} (from the security module): the caller's name and scopes, for any
 * valid key.
 */
class CallerIntegrationTest extends IngestIntegrationTest {

    @Test
    void aReadOnlyKeySeesItsNameAndOnlyTheReadScope() {
        // given
        String reader = TestApiKeys.shared().create("documents:read");

        // when
        var response = new IngestClient(port, reader).get("/api/me");

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("name").asString()).isNotBlank().doesNotContain(reader);
        assertThat(response.body().path("scopes").values()).extracting(node -> node.asString())
            .containsExactly("documents:read");
        assertThat(response.raw()).doesNotContain(reader);
    }

    @Test
    void aKeyWithoutTheReadScopeMayStillAskWhoItIs() {
        String writer = TestApiKeys.shared().create("documents:write");

        var response = new IngestClient(port, writer).get("/api/me");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("scopes").values()).extracting(node -> node.asString())
            .containsExactly("documents:write");
    }

    @Test
    void anAdminKeyHoldsEveryScope() {
        String admin = TestApiKeys.shared().create("admin");

        var response = new IngestClient(port, admin).get("/api/me");

        assertThat(response.body().path("scopes").values()).extracting(node -> node.asString())
            .containsExactlyInAnyOrder("documents:read", "documents:write", "documents:delete", "admin");
    }

    @Test
    void withoutAKeyNobodyIsThere() {
        assertThat(new IngestClient(port).get("/api/me").status()).isEqualTo(401);
    }

}
