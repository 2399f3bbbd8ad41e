package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.edm.events.Topics;
import org.edm.testsupport.KafkaTopicReader;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Versions through the whole pipeline ({@link SharedStack}): two versions of one
 * specification uploaded over HTTP, parsed, compared by parser-worker's versions consumer
 * and announced on {@code documents.compared} (read here by a plain consumer);
 * search-api's compare and permalink endpoints answer it, and {@code versions=latest}
 * search returns the newer version's sections only.
 */
@SystemTest
class VersionsEndToEndTest {

    static SharedStack stack;
    static SystemClient client;

    @Test
    void aSecondVersionIsComparedAnnouncedAndServed() throws Exception {
        String title = "Versions e2e " + UUID.randomUUID();
        String family = title.toLowerCase();
        try (var compared = KafkaTopicReader.atEnd(Topics.DOCUMENTS_COMPARED)) {
            // given: version 1.9, parsed
            String older = client.uploadAccepted(TestPdfs.specification("alphamarker", 3, 1), title, "1.9");
            await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "done".equals(client.status(older)));

            // when: version 1.10 arrives: chapter 1's text differs, chapter 4 is new
            String newer = client.uploadAccepted(TestPdfs.specification("bravomarker", 4, 1), title, "1.10");

            // then: one DocumentsCompared event, keyed by the newer version
            List<ConsumerRecord<String, String>> records = compared
                .pollUntil(received -> received.stream().anyMatch(r -> newer.equals(r.key())), Duration.ofMinutes(2));
            JsonNode event = SystemClient.JSON
                .readTree(records.stream().filter(r -> newer.equals(r.key())).findFirst().orElseThrow().value());
            assertThat(event.path("family").asString()).isEqualTo(family);
            assertThat(event.path("fromDocumentId").asString()).isEqualTo(older);
            assertThat(event.path("counts").path("changed").asInt()).isEqualTo(1);
            assertThat(event.path("counts").path("added").asInt()).isEqualTo(1);
            assertThat(event.path("counts").path("unchanged").asInt()).isEqualTo(2);

            // and: the comparison is served, from storage
            JsonNode comparison = client.search("/api/compare?from=" + older + "&to=" + newer);
            assertThat(comparison).isNotNull();
            assertThat(comparison.path("stored").asBoolean()).isTrue();
            assertThat(comparison.path("changes").get(0).path("hunks").get(0).path("added").asString())
                .isEqualTo("bravomarker");

            // and: the permalink of chapter 1 answers the newer version's section,
            // changed in 1.10
            String encodedFamily = URLEncoder.encode(family, StandardCharsets.UTF_8).replace("+", "%20");
            JsonNode permalink = client.search("/api/families/" + encodedFamily + "/sections/message-type-1");
            assertThat(permalink).isNotNull();
            assertThat(permalink.path("version").path("id").asString()).isEqualTo(newer);
            assertThat(permalink.path("changedIn").get(0).path("version").asString()).isEqualTo("1.10");

            // and: versions=latest finds the newer version's sections only
            JsonNode hits = client.search("/api/search?versions=latest&q=describes&limit=100&title="
                    + URLEncoder.encode(title, StandardCharsets.UTF_8));
            assertThat(hits).isNotNull();
            assertThat(hits.path("hits").size()).isEqualTo(4);
            hits.path("hits").forEach(hit -> {
                assertThat(hit.path("document").path("id").asString()).isEqualTo(newer);
                assertThat(hit.path("latest").asBoolean()).isTrue();
            });
        }
    }

}
