package org.edm.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.edm.search.ReaderKey;
import org.edm.search.support.TestDocuments;
import org.edm.testsupport.RealInfrastructure;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A search statement that runs past {@code edm.search.statement-timeout} is cancelled by
 * PostgreSQL and answered with 503 {@code timeout}: here the statement really waits,
 * behind a lock that another session holds on the sections (as a long migration or a
 * {@code VACUUM FULL} would), and nothing in the application is replaced.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "edm.search.statement-timeout=300ms")
@AutoConfigureRestTestClient
@Import(ReaderKey.class)
@RealInfrastructure
class SearchTimeoutIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;

    @Test
    void searchBlockedLongerThanItsStatementTimeoutIsServiceUnavailable() throws SQLException {
        // given: a document to find, and another session holding the sections table
        var data = new TestDocuments();
        String word = TestDocuments.uniqueWord();
        UUID document = data.document("Timeout " + word, "1.0", "done");
        data.section(document, null, 1, 0, "Orders " + word, "Order entry " + word, 1);
        String uri = "/api/search?q=" + word;
        assertThat(search(uri).getStatus().value()).isEqualTo(200);

        CompletableFuture<EntityExchangeResult<String>> blocked;
        try (Connection lock = TestInfrastructure.shared().dataSource().getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE sections IN ACCESS EXCLUSIVE MODE");
            }

            // when: the search runs while the lock is held (for as long as the test
            // waits, far past 300 ms)
            blocked = CompletableFuture.supplyAsync(() -> search(uri));

            // then: PostgreSQL cancels the statement and the client is told to come back
            // later
            await().atMost(Duration.ofSeconds(20)).until(blocked::isDone);
            lock.rollback();
        }
        EntityExchangeResult<String> answer = blocked.join();
        assertThat(answer.getStatus().value()).as(answer.getResponseBody()).isEqualTo(503);
        assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(answer.getResponseBody());
        assertThat(problem.path("type").asString()).isEqualTo("https://edm.example/problems/timeout");
        assertThat(problem.path("status").asInt()).isEqualTo(503);

        // and: the same search answers again once the lock is gone
        EntityExchangeResult<String> after = search(uri);
        assertThat(after.getStatus().value()).isEqualTo(200);
        assertThat(JSON.readTree(after.getResponseBody()).path("total").asLong()).isEqualTo(1);
    }

    private EntityExchangeResult<String> search(String uri) {
        return http.get().uri(uri).exchange().returnResult(String.class);
    }

}
