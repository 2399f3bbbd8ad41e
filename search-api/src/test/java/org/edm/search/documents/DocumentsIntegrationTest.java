package org.edm.search.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.edm.search.ReaderKey;
import org.edm.search.support.OkJson;
import org.edm.search.support.TestDocuments;
import org.edm.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The browsing endpoints against real PostgreSQL: listing, one document, its outline, one
 * section.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import(ReaderKey.class)
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsIntegrationTest {

    @Autowired
    RestTestClient http;

    final TestDocuments data = new TestDocuments();

    String family;

    UUID spec;

    UUID chapter1;

    UUID section11;

    UUID section12;

    UUID chapter2;

    final List<UUID> listed = new ArrayList<>();

    @BeforeAll
    void writeDocuments() {
        family = TestDocuments.uniqueWord();
        spec = data.document("OUCH " + family, "5.0", "done");
        chapter1 = data.section(spec, null, 1, 0, "1 Overview", "OUCH is an order entry protocol.", 1);
        section11 = data.section(spec, chapter1, 2, 1, "1.1 Sessions", "Sessions use SoupBinTCP.", 2);
        section12 = data.section(spec, chapter1, 2, 2, "1.2 Data Types", "Integers are big-endian.", 2);
        chapter2 = data.section(spec, null, 1, 3, "2 Messages", "Inbound and outbound messages.", 3);
        listed.add(spec);
        for (int i = 0; i < 6; i++) {
            listed.add(data.document("OUCH " + family + " draft " + i, i % 2 == 0 ? "4.2" : "5.0",
                    i < 3 ? "pending" : "failed"));
        }
        // upload dates in an order that is neither the insertion order nor the id order
        for (int i = 0; i < listed.size(); i++) {
            data.jdbc()
                .sql("UPDATE documents SET upload_date = TIMESTAMP '2026-01-01 12:00' + make_interval(days => :days) "
                        + "WHERE id = :id")
                .param("days", UPLOAD_DAYS[i])
                .param("id", listed.get(i))
                .update();
        }
    }

    /** Days after 2026-01-01 on which each of {@link #listed} was uploaded. */
    private static final int[] UPLOAD_DAYS = { 3, 0, 5, 1, 6, 2, 4 };

    @Test
    void listsDocumentsWithFiltersAndTotal() {
        JsonNode all = list("title=" + family + "&limit=100");
        assertThat(all.path("total").asLong()).isEqualTo(7);
        assertThat(all.path("documents").size()).isEqualTo(7);
        assertThat(all.path("nextCursor").isNull() || all.path("nextCursor").isMissingNode()).isTrue();

        assertThat(list("title=" + family + "&status=done").path("total").asLong()).isEqualTo(1);
        assertThat(list("title=" + family + "&status=pending").path("total").asLong()).isEqualTo(3);
        assertThat(list("title=" + family + "&version=4.2").path("total").asLong()).isEqualTo(3);
        JsonNode done = list("title=" + family.toUpperCase() + "&status=done&version=5.0").path("documents").get(0);
        assertThat(done.path("id").asString()).isEqualTo(spec.toString());
        assertThat(done.path("status").asString()).isEqualTo("done");
        assertThat(done.path("pageCount").asInt()).isEqualTo(12);
    }

    @Test
    void listShowsSectionCountAndFailureReasonFromTheParsersMetadata() {
        // given: what parser-worker records in metadata when it finishes or gives up
        String word = TestDocuments.uniqueWord();
        UUID parsed = data.document("Parsed " + word, "1.0", "done");
        UUID broken = data.document("Broken " + word, "1.0", "failed");
        UUID odd = data.document("Odd " + word, "1.0", "done");
        data.jdbc()
            .sql("UPDATE documents SET metadata = metadata || CAST(:m AS jsonb) WHERE id = :id")
            .param("m", "{\"section_count\": 42}")
            .param("id", parsed)
            .update();
        data.jdbc()
            .sql("UPDATE documents SET metadata = metadata || CAST(:m AS jsonb) WHERE id = :id")
            .param("m", "{\"failure_reason\": \"encrypted\"}")
            .param("id", broken)
            .update();
        data.jdbc()
            .sql("UPDATE documents SET metadata = metadata || CAST(:m AS jsonb) WHERE id = :id")
            .param("m", "{\"section_count\": \"many\"}")
            .param("id", odd)
            .update();

        // when
        JsonNode documents = list("title=" + word + "&limit=10").path("documents");

        // then
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        documents.forEach(d -> byId.put(d.path("id").asString(), d));
        assertThat(byId.get(parsed.toString()).path("sectionCount").asInt()).isEqualTo(42);
        assertThat(byId.get(parsed.toString()).path("failureReason").isNull()).isTrue();
        assertThat(byId.get(broken.toString()).path("failureReason").asString()).isEqualTo("encrypted");
        assertThat(byId.get(broken.toString()).path("sectionCount").isNull()).isTrue();
        assertThat(byId.get(odd.toString()).path("sectionCount").isNull()).isTrue();
    }

    @Test
    void theFamilyFilterMatchesTheWholeFamilyKeyNotASubstringOfTheTitle() {
        // given: two versions of one family, the second's title spelt with other case and
        // spaces, and a draft
        // whose title contains the family's title but is a family of its own
        String word = TestDocuments.uniqueWord();
        UUID first = data.document("Spec " + word, "1.0", "done");
        UUID second = data.document("  spec   " + word.toUpperCase() + " ", "2.0", "pending");
        data.document("Spec " + word + " draft", "1.0", "pending");
        assertThat(list("title=" + word).path("total").asLong()).isEqualTo(3);

        // when: filtered by the family's key, or by any spelling of its title
        JsonNode byKey = OkJson.get(http, "/api/documents?family={family}&limit=100", "spec " + word.toLowerCase());
        JsonNode byTitle = OkJson.get(http, "/api/documents?family={family}&limit=1", "SPEC\t" + word);

        // then: exactly the two versions of the family
        List<String> ids = new ArrayList<>();
        byKey.path("documents").forEach(d -> ids.add(d.path("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder(first.toString(), second.toString());
        assertThat(byKey.path("total").asLong()).isEqualTo(2);
        assertThat(byTitle.path("total").asLong()).isEqualTo(2);

        // and the listing's cursor pages on within the family, and only under the same
        // filters
        String cursor = byTitle.path("nextCursor").asString();
        JsonNode next = OkJson.get(http, "/api/documents?family={family}&limit=1&cursor={cursor}", "spec " + word,
                cursor);
        assertThat(List.of(byTitle.path("documents").get(0).path("id").asString(),
                next.path("documents").get(0).path("id").asString()))
            .containsExactlyInAnyOrder(first.toString(), second.toString());
        http.get()
            .uri("/api/documents?title={title}&limit=1&cursor={cursor}", word, cursor)
            .exchange()
            .expectStatus()
            .isBadRequest();
    }

    @Test
    void aBlankFamilyIsRefused() {
        http.get().uri("/api/documents?family={family}", " ").exchange().expectStatus().isBadRequest();
    }

    @Test
    void pagesThroughDocumentsWithoutDuplicatesOrGaps() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = list("title=" + family + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.path("total").asLong()).isEqualTo(7);
            page.path("documents").forEach(d -> seen.add(d.path("id").asString()));
            cursor = page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode() ? null
                    : page.path("nextCursor").asString();
        }
        while (cursor != null);

        // then: every document once, newest upload first, across the pages
        List<String> newestFirst = java.util.stream.IntStream.range(0, listed.size())
            .boxed()
            .sorted(java.util.Comparator.comparingInt((Integer i) -> UPLOAD_DAYS[i]).reversed())
            .map(i -> listed.get(i).toString())
            .toList();
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().containsExactlyElementsOf(newestFirst);
    }

    @Test
    void showsOneDocumentWithMetadataAndSectionCount() {
        JsonNode document = get("/api/documents/" + spec);

        assertThat(document.path("title").asString()).isEqualTo("OUCH " + family);
        assertThat(document.path("version").asString()).isEqualTo("5.0");
        assertThat(document.path("status").asString()).isEqualTo("done");
        assertThat(document.path("pageCount").asInt()).isEqualTo(12);
        assertThat(document.path("sectionCount").asLong()).isEqualTo(4);
        assertThat(document.path("metadata").path("author").asString()).isEqualTo("Test");
        assertThat(document.path("uploadDate").asString()).isNotBlank();
    }

    @Test
    void timesAreAnsweredAsUtcInstantsTheWayIngestAnswersThem() {
        // given: a document whose time columns hold session-local wall-clock times, as
        // now() writes them
        UUID document = data.document("Timed " + TestDocuments.uniqueWord(), "1.0", "done");
        data.jdbc().sql("""
                UPDATE documents SET upload_date = TIMESTAMP '2026-11-29 10:15:30.123456',
                       created_at = TIMESTAMP '2026-11-29 10:15:31', updated_at = TIMESTAMP '2026-11-29 10:20:00'
                WHERE id = :id
                """).param("id", document).update();
        // what ingest-service's GET /api/documents/{id} answers for the same row (its
        // DocumentRepository's reading)
        Instant ingestUploadDate = data.jdbc()
            .sql("SELECT upload_date AT TIME ZONE current_setting('TimeZone') FROM documents WHERE id = :id")
            .param("id", document)
            .query(OffsetDateTime.class)
            .single()
            .toInstant();

        // when
        JsonNode detail = get("/api/documents/" + document);
        JsonNode listed = list("title=" + detail.path("title").asString()).path("documents").get(0);

        // then: ISO-8601 instants in UTC, equal to ingest's
        assertThat(detail.path("uploadDate").asString()).endsWith("Z");
        assertThat(Instant.parse(detail.path("uploadDate").asString())).isEqualTo(ingestUploadDate);
        assertThat(Instant.parse(listed.path("uploadDate").asString())).isEqualTo(ingestUploadDate);
        assertThat(Instant.parse(detail.path("createdAt").asString()))
            .isEqualTo(ingestUploadDate.plusSeconds(1).minusNanos(123_456_000));
        assertThat(detail.path("updatedAt").asString()).endsWith("Z");
    }

    @Test
    void outlineListsTheWholeTreeInReadingOrder() {
        JsonNode outline = get("/api/documents/" + spec + "/sections");

        assertThat(outline.path("documentId").asString()).isEqualTo(spec.toString());
        JsonNode sections = outline.path("sections");
        assertThat(sections.findValuesAsString("id")).containsExactly(chapter1.toString(), section11.toString(),
                section12.toString(), chapter2.toString());
        assertThat(sections.get(0).path("parentId").isNull()).isTrue();
        assertThat(sections.get(1).path("parentId").asString()).isEqualTo(chapter1.toString());
        assertThat(sections.get(2).path("parentId").asString()).isEqualTo(chapter1.toString());
        assertThat(sections.get(3).path("parentId").isNull()).isTrue();
        assertThat(sections.get(1).path("level").asInt()).isEqualTo(2);
        assertThat(sections.get(1).path("orderIndex").asInt()).isEqualTo(1);
        assertThat(get("/api/documents/" + listed.get(1) + "/sections").path("sections").size())
            .as("a document without sections yet")
            .isZero();
    }

    @Test
    void sectionShowsContentBreadcrumbAndNeighbours() {
        JsonNode section = get("/api/sections/" + section12);

        assertThat(section.path("title").asString()).isEqualTo("1.2 Data Types");
        assertThat(section.path("content").asString()).isEqualTo("Integers are big-endian.");
        assertThat(section.path("document").path("id").asString()).isEqualTo(spec.toString());
        assertThat(section.path("breadcrumb").findValuesAsString("title")).containsExactly("1 Overview");
        assertThat(section.path("previous").path("id").asString()).isEqualTo(section11.toString());
        assertThat(section.path("next").path("id").asString()).isEqualTo(chapter2.toString());
        assertThat(section.path("next").path("title").asString()).isEqualTo("2 Messages");

        JsonNode first = get("/api/sections/" + chapter1);
        assertThat(first.path("previous").isNull()).isTrue();
        assertThat(first.path("breadcrumb").size()).isZero();
        assertThat(get("/api/sections/" + chapter2).path("next").isNull()).isTrue();
    }

    private JsonNode list(String parameters) {
        return get("/api/documents?" + parameters);
    }

    private JsonNode get(String uri) {
        return OkJson.get(http, uri);
    }

}
