package org.edm.search.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.edm.search.ReaderKey;
import org.edm.search.support.OkJson;
import org.edm.search.support.TestDocuments;
import org.edm.testsupport.RealInfrastructure;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The versions endpoints against real PostgreSQL: a family of three versions (two done),
 * compared on demand; stored comparisons and section keys (as parser-worker's versions
 * consumer writes them) behind the permalinks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import(ReaderKey.class)
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VersionsIntegrationTest {

    @Autowired
    RestTestClient http;

    final TestDocuments data = new TestDocuments();

    final JdbcClient jdbc = JdbcClient.create(TestInfrastructure.shared().dataSource());

    String word;

    String title;

    String family;

    UUID v10;

    UUID v11;

    UUID v12;

    UUID other;

    UUID scope10;

    UUID scope11;

    @BeforeAll
    void writeFamily() {
        word = TestDocuments.uniqueWord();
        title = "ACME " + word + " Order Entry";
        family = title.toLowerCase();
        // 1.10 sorts after 1.9 although uploaded first
        v11 = data.document(title, "1.10", "done");
        UUID intro11 = data.section(v11, null, 1, 0, "1 Introduction", "This protocol enters orders for " + word + ".",
                1);
        scope11 = data.section(v11, intro11, 2, 1, "1.1 Scope", "It covers equities and options.", 1);
        data.section(v11, null, 1, 2, "2 Sessions", "Sessions start with a logon.", 2);
        data.section(v11, null, 1, 3, "3 Messages", "All messages are binary.", 3);
        v10 = data.document("  acme " + word + "   ORDER entry", "1.9", "done");
        UUID intro10 = data.section(v10, null, 1, 0, "1 Introduction", "This protocol enters orders for " + word + ".",
                1);
        scope10 = data.section(v10, intro10, 2, 1, "1.1 Scope", "It covers equities only.", 1);
        data.section(v10, null, 1, 2, "2 Messages", "All messages are binary.", 2);
        v12 = data.document(title, "v1.11", "pending");
        other = data.document("Another " + word, "1.9", "done");
    }

    @Test
    @Order(1)
    void aFamilyListsItsVersionsInNaturalOrderWithTheNewestDoneOneMarked() {
        // when
        JsonNode detail = get("/api/families/{family}", family.toUpperCase());

        // then
        assertThat(detail.path("family").asString()).isEqualTo(family);
        List<String> versions = new ArrayList<>();
        detail.path("versions")
            .forEach(v -> versions.add(v.path("version").asString() + ":" + v.path("status").asString() + ":"
                    + v.path("latest").asBoolean()));
        assertThat(versions).containsExactly("1.9:done:false", "1.10:done:true", "v1.11:pending:false");
        assertThat(detail.path("versions").get(1).path("comparedWith").asString()).isEqualTo(v10.toString());
    }

    @Test
    @Order(1)
    void familiesArePagedByKeyWithTheirNewestDoneVersion() {
        // given: the key just before this family's
        String after = family.substring(0, family.length() - 1);

        // when
        JsonNode page = get("/api/families?limit=1&after={after}", after);

        // then
        JsonNode first = page.path("families").get(0);
        assertThat(first.path("family").asString()).isEqualTo(family);
        assertThat(first.path("versions").asInt()).isEqualTo(3);
        assertThat(first.path("newest").path("version").asString()).isEqualTo("1.10");
        assertThat(page.path("nextAfter").asString()).isEqualTo(family);
    }

    @Test
    @Order(1)
    void twoVersionsAreComparedOnDemandWhenNothingIsStored() {
        // when
        JsonNode comparison = get("/api/compare?from={from}&to={to}", v10, v11);

        // then
        assertThat(comparison.path("stored").asBoolean()).isFalse();
        assertThat(comparison.path("counts").path("unchanged").asInt()).isEqualTo(2);
        assertThat(comparison.path("counts").path("changed").asInt()).isEqualTo(1);
        assertThat(comparison.path("counts").path("added").asInt()).isEqualTo(1);
        assertThat(comparison.path("total").asInt()).isEqualTo(2);
        JsonNode changed = comparison.path("changes").get(0);
        assertThat(changed.path("kind").asString()).isEqualTo("changed");
        assertThat(changed.path("key").asString()).isEqualTo("introduction/scope");
        assertThat(changed.path("toSectionId").asString()).isEqualTo(scope11.toString());
        assertThat(changed.path("hunks").get(0).path("removed").asString()).isEqualTo("only.");
        assertThat(changed.path("hunks").get(0).path("added").asString()).isEqualTo("and options.");
        assertThat(comparison.path("changes").get(1).path("toSectionId").isNull()).isFalse();

        // and: the document's changes are the same comparison against its predecessor
        JsonNode changes = get("/api/documents/{id}/changes?limit=1", v11);
        assertThat(changes.path("from").path("id").asString()).isEqualTo(v10.toString());
        assertThat(changes.path("changes").size()).isEqualTo(1);
    }

    @Test
    @Order(1)
    void theFirstVersionHasNoPredecessorAndOtherFamiliesAreNotComparable() {
        http.get()
            .uri("/api/documents/{id}/changes", v10)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("https://edm.example/problems/no-predecessor");
        http.get()
            .uri("/api/compare?from={from}&to={to}", v10, other)
            .exchange()
            .expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("https://edm.example/problems/not-comparable");
        http.get().uri("/api/compare?from={from}&to={to}", v10, v12).exchange().expectStatus().isEqualTo(409);
        http.get()
            .uri("/api/families/{family}", "no such family " + UUID.randomUUID())
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("https://edm.example/problems/family-not-found");
    }

    @Test
    @Order(2) // stores a comparison: runs after the on-demand cases
    void aPermalinkAnswersTheNewestSectionAndTheVersionsInWhichItChanged() {
        // given: keys and the stored comparison, as parser-worker's versions consumer
        // writes them
        storeKeys(v10);
        storeKeys(v11);
        UUID comparison = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO document_comparisons (id, from_document_id, to_document_id, unchanged_count, changed_count,
                    added_count, removed_count, moved_count, renamed_count)
                VALUES (:id, :from, :to, 2, 1, 1, 0, 0, 0)
                """).param("id", comparison).param("from", v10).param("to", v11).update();
        jdbc.sql("""
                INSERT INTO section_changes (comparison_id, position, kind, section_key, from_section_id,
                    to_section_id, from_title, to_title, hunks)
                VALUES (:id, 0, 'changed', 'introduction/scope', :from, :to, '1.1 Scope', '1.1 Scope',
                    '[{"fromWord": 3, "toWord": 3, "removed": "only.", "added": "and options."}]')
                """).param("id", comparison).param("from", scope10).param("to", scope11).update();

        // when
        JsonNode newest = get("/api/families/{family}/sections/introduction/scope", family);
        JsonNode pinned = get("/api/families/{family}/sections/introduction/scope?version=1.9", family);

        // then
        assertThat(newest.path("section").path("id").asString()).isEqualTo(scope11.toString());
        assertThat(newest.path("latest").asBoolean()).isTrue();
        assertThat(newest.path("changedIn").get(0).path("version").asString()).isEqualTo("1.10");
        assertThat(newest.path("changedIn").get(0).path("kind").asString()).isEqualTo("changed");
        assertThat(pinned.path("section").path("content").asString()).isEqualTo("It covers equities only.");
        assertThat(pinned.path("latest").asBoolean()).isFalse();

        // and: the family and the comparison now come from storage
        assertThat(get("/api/families/{family}", family).path("versions").get(1).path("changes").path("added").asInt())
            .isEqualTo(1);
        assertThat(get("/api/compare?from={from}&to={to}", v10, v11).path("stored").asBoolean()).isTrue();
        http.get()
            .uri("/api/families/{family}/sections/no/such/key", family)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("https://edm.example/problems/section-key-not-found");
    }

    @Test
    @Order(1)
    void searchForLatestVersionsAnswersOnlyEachFamilysNewestDoneVersion() {
        // when
        JsonNode all = get("/api/search?q={q}", word);
        JsonNode latest = get("/api/search?q={q}&versions=latest", word);

        // then
        List<String> allDocuments = new ArrayList<>();
        all.path("hits")
            .forEach(h -> allDocuments.add(h.path("document").path("id").asString() + ":" + h.path("latest").asBoolean()
                    + ":" + h.path("family").asString()));
        assertThat(allDocuments).containsExactlyInAnyOrder(v10 + ":false:" + family, v11 + ":true:" + family);
        assertThat(latest.path("hits")).hasSize(1);
        assertThat(latest.path("hits").get(0).path("document").path("id").asString()).isEqualTo(v11.toString());
        http.get().uri("/api/search?q={q}&versions=newest", word).exchange().expectStatus().isBadRequest();
    }

    private void storeKeys(UUID document) {
        jdbc.sql("""
                INSERT INTO section_keys (section_id, document_id, section_key)
                SELECT s.id, s.document_id,
                       CASE WHEN s.parent_id IS NULL
                            THEN lower(regexp_replace(s.title, '^[0-9.]+ ', ''))
                            ELSE 'introduction/' || lower(regexp_replace(s.title, '^[0-9.]+ ', '')) END
                FROM sections s WHERE s.document_id = :id
                ON CONFLICT DO NOTHING
                """).param("id", document).update();
    }

    private JsonNode get(String uri, Object... variables) {
        return OkJson.get(http, uri, variables);
    }

}
