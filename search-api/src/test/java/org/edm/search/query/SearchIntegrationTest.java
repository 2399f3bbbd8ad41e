package org.edm.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * GET /api/search against real PostgreSQL: query forms, identifiers, filters, ranking,
 * snippets, breadcrumbs and paging. Every search is scoped to this class's own document
 * or words, as the database is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import(ReaderKey.class)
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIntegrationTest {

    @Autowired
    RestTestClient http;

    @Autowired
    SectionSearch search;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    final TestDocuments data = new TestDocuments();

    UUID itch;

    UUID fix;

    UUID pending;

    UUID introduction;

    UUID messageFormats;

    UUID addOrder;

    UUID orderExecuted;

    UUID stockDirectory;

    UUID newOrderSingle;

    UUID executionReport;

    UUID soupBin;

    UUID itchFour;

    UUID cancelRequest;

    UUID heartbeatTitle;

    UUID heartbeatBody;

    String itchTitle;

    @BeforeAll
    void writeDocuments() {
        itchTitle = "Nasdaq TotalView ITCH " + TestDocuments.uniqueWord();
        itch = data.document(itchTitle, "5.0", "done");
        introduction = data.section(itch, null, 1, 0, "Introduction",
                "This specification describes the ITCH 5.0 protocol. Sessions run over SoupBinTCP.", 1);
        messageFormats = data.section(itch, introduction, 2, 1, "Message Formats",
                "Every message starts with a Stock_Locate and a tracking number.", 3);
        addOrder = data.section(itch, messageFormats, 3, 2, "Add Order Message",
                "An AddOrder message announces a new order accepted by the matching engine. The Stock_Locate "
                        + "field identifies the security. Prices satisfy 0 < limit & limit > 5 \"quoted\" 'x' "
                        + "<script>document.cookie</script> before an alert.",
                4);
        orderExecuted = data.section(itch, messageFormats, 3, 3, "Order Executed Message",
                "Sent when an order on the book is executed in whole or in part. Stock locate codes repeat.", 5);
        stockDirectory = data.section(itch, messageFormats, 3, 4, "Stock Directory",
                "The stock directory lists every security at the start of day, with its locate code.", 6);
        heartbeatTitle = data.section(itch, introduction, 2, 5, "Heartbeat",
                "Sent by the server when no other data was sent for a second.", 2);
        heartbeatBody = data.section(itch, introduction, 2, 6, "Session Timing",
                "A heartbeat is sent every second; clients that miss heartbeat after heartbeat disconnect. "
                        + "Heartbeat processing is cheap.",
                2);

        fix = data.document("FIX Order Entry " + TestDocuments.uniqueWord(), "4.4", "done");
        newOrderSingle = data.section(fix, null, 1, 0, "New Order Single",
                "MsgType (35=D) submits a new order. The MsgType field is tag 35.", 10);
        executionReport = data.section(fix, null, 1, 1, "Execution Report",
                "Tag 35=8 is an execution report; option d applies to cancels.", 11);
        soupBin = data.section(fix, null, 1, 2, "Transport", "Order entry sessions use SoupBinTCP framing or FIXT.",
                12);
        itchFour = data.section(fix, null, 1, 3, "Legacy feeds", "The old ITCH 4.1 feed is retired.", 13);
        cancelRequest = data.section(fix, null, 1, 4, "Order Cancel Request",
                "Asks to cancel what is left of an earlier order.", 14);

        pending = data.document("Pending " + TestDocuments.uniqueWord(), "1.0", "pending");
        data.section(pending, null, 1, 0, "Add Order Message", "An AddOrder message in a document still pending.", 1);
    }

    @Test
    void aHitCarriesItsSectionsPermalinkKeyOnceTheVersionsConsumerAssignedOne() {
        // given: one section keyed (as the versions consumer does), its neighbour not yet
        String key = "stock-directory-" + TestDocuments.uniqueWord();
        data.jdbc()
            .sql("INSERT INTO section_keys (section_id, document_id, section_key) VALUES (:s, :d, :k)")
            .param("s", stockDirectory)
            .param("d", itch)
            .param("k", key)
            .update();

        // when
        JsonNode page = searchIn(itch, "directory OR executed");

        // then
        Map<String, String> keys = new HashMap<>();
        page.path("hits")
            .forEach(hit -> keys.put(hit.path("sectionId").asString(),
                    hit.path("sectionKey").isNull() ? null : hit.path("sectionKey").asString()));
        assertThat(keys).containsEntry(stockDirectory.toString(), key)
            .containsEntry(orderExecuted.toString(), null)
            .hasSize(2);
    }

    @Test
    void theSearchsTransactionLocksNoMoreRelationsThanABackendKeepsInItsFastPathSlots() {
        // given: the lexeme statistics fresh (read from the catalog every few minutes,
        // in the transaction of the search that finds them stale)
        search.explain("order message", SearchFilters.NONE, 20);

        // when: the search's statements run (planning, then the page under EXPLAIN
        // ANALYZE) in one transaction, which then lists its relation locks
        List<Boolean> fastPath = new TransactionTemplate(transactions).execute(status -> {
            search.explain("order message", SearchFilters.NONE, 20);
            return jdbc.sql("SELECT fastpath FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation'")
                .query(Boolean.class)
                .list();
        });

        // then: every one in the backend's 16 fast-path slots; past them each lock goes
        // through the shared lock table, whose partition locks busy searches then wait on
        assertThat(fastPath).isNotEmpty().doesNotContain(false);
    }

    @Test
    void wordsAreAllRequired() {
        assertThat(ids(searchIn(itch, "order message executed"))).containsExactly(orderExecuted);
    }

    @Test
    void quotedPhraseMatchesWordsInOrder() {
        assertThat(ids(searchIn(itch, "\"stock directory\""))).containsExactly(stockDirectory);
        assertThat(ids(searchIn(itch, "\"directory stock\""))).isEmpty();
    }

    @Test
    void orAcceptsEitherSide() {
        assertThat(ids(searchIn(itch, "directory OR executed"))).containsExactlyInAnyOrder(stockDirectory,
                orderExecuted);
    }

    @Test
    void minusExcludesWordsAndPhrases() {
        assertThat(ids(searchIn(itch, "order -executed"))).contains(addOrder).doesNotContain(orderExecuted);
        assertThat(ids(searchIn(itch, "stock -\"stock directory\""))).doesNotContain(stockDirectory).contains(addOrder);
    }

    @Test
    void lastWordMatchesAsPrefixWhileTyping() {
        assertThat(ids(searchIn(itch, "heartb"))).containsExactly(heartbeatTitle, heartbeatBody);
        assertThat(ids(searchIn(itch, "heartb "))).as("a trailing space ends the word").isEmpty();
    }

    @Test
    void identifiersAreFoundAsTyped() {
        assertThat(ids(searchIn(itch, "AddOrder"))).containsExactly(addOrder);
        assertThat(ids(searchIn(itch, "Stock_Locate"))).containsExactlyInAnyOrder(messageFormats, addOrder,
                orderExecuted);
        assertThat(ids(searchIn(fix, "MsgType"))).containsExactly(newOrderSingle);
        assertThat(ids(searchIn(fix, "35=D"))).as("35 followed by d, not 35=8 with a d later")
            .containsExactly(newOrderSingle);
        assertThat(ids(searchIn(itch, "ITCH 5.0"))).containsExactly(introduction);
        assertThat(ids(search("ITCH 5.0 &title=" + itchTitle.substring(itchTitle.lastIndexOf(' ') + 1))))
            .containsExactly(introduction);
        assertThat(ids(searchIn(fix, "ITCH 5.0"))).as("ITCH 4.1 is another version").isEmpty();
        assertThat(ids(searchIn(fix, "SoupBinTCP"))).containsExactly(soupBin);
        assertThat(ids(searchIn(itch, "soupbintcp"))).containsExactly(introduction);
    }

    @Test
    void sectionsWithVeryLongWordsAreIndexedAndTheirPhrasesFound() {
        // the "words" of broken PDFs: hex runs of 1,500 characters, longer than any word
        // pair the pair index holds
        UUID blobs = data.document("Blobs " + TestDocuments.uniqueWord(), "1.0", "done");
        String hex1 = IntStream.range(0, 47)
            .mapToObj(i -> UUID.randomUUID().toString().replace("-", ""))
            .collect(Collectors.joining());
        String hex2 = new StringBuilder(hex1).reverse().toString();
        UUID blob = data.section(blobs, null, 1, 0, "Blob", hex1 + " " + hex2 + " then the order book follows " + hex1,
                1);

        assertThat(ids(searchIn(blobs, "\"order book\""))).containsExactly(blob);
        assertThat(ids(searchIn(blobs, "\"book follows\""))).containsExactly(blob);
    }

    @Test
    void theSnippetOfALongSectionShowsTheQueryWordsWhereverTheyFirstStand() {
        // given: sections far longer than the snippet window, the words deep inside; one
        // written in a form whose stem is not its start (happy -> happi)
        UUID manual = data.document("Long sections " + TestDocuments.uniqueWord(), "1.0", "done");
        String filler = "Reserved field padded with spaces for alignment. ".repeat(400);
        data.section(manual, null, 1, 0, "Appendix", filler + "The gateway rejects a stale heartbeat here. " + filler,
                1);
        data.section(manual, null, 1, 1, "Notes", filler + "Members were happy with the new throttle. " + filler, 2);

        // when
        String deep = searchIn(manual, "stale heartbeat").path("hits").get(0).path("snippet").asString();
        String happy = searchIn(manual, "happy").path("hits").get(0).path("snippet").asString();

        // then
        assertThat(filler.length() * 2).isGreaterThan(SearchRepository.SNIPPET_WINDOW * 5);
        assertThat(deep).contains("<mark>stale</mark> <mark>heartbeat</mark>");
        assertThat(happy).contains("<mark>happy</mark>");
    }

    @Test
    void camelCaseIdentifierFindsTheSectionTitledWithItsWordsWrittenApart() {
        JsonNode page = searchIn(fix, "OrderCancelRequest ");

        assertThat(ids(page)).containsExactly(cancelRequest);
        assertThat(page.path("total").asLong()).isEqualTo(1);
        assertThat(page.path("allMatchesRanked").asBoolean()).isTrue();
        assertThat(ids(searchIn(fix, "OrderCancelRequest"))).as("while typing").containsExactly(cancelRequest);
        assertThat(ids(searchIn(fix, "RequestCancelOrder "))).as("the words in that order").isEmpty();
        assertThat(ids(searchIn(fix, "CancelEarlier "))).as("words apart in the text only do not count").isEmpty();
        assertThat(ids(searchIn(itch, "AddOrder "))).as("written together or apart, one section")
            .containsExactly(addOrder);
    }

    @Test
    void sectionWhoseTitleMatchesRanksAboveSectionsThatOnlyMentionIt() {
        JsonNode page = searchIn(itch, "heartbeat");

        // then: the section that only says "heartbeat" in its text is below the one
        // titled with the word (whose
        // text never says it), and the scores say so too, not only the order
        assertThat(ids(page)).containsExactly(heartbeatTitle, heartbeatBody);
        double titleScore = page.path("hits").get(0).path("score").asDouble();
        double bodyScore = page.path("hits").get(1).path("score").asDouble();
        assertThat(bodyScore).isPositive();
        assertThat(titleScore).isGreaterThan(bodyScore);
    }

    @Test
    void aTitleMatchOutranksATextThatRepeatsTheWordFarMoreOften() {
        // given: one section titled with the word, its text silent about it; one whose
        // text says it 40 times (on
        // text weight alone it would rank far higher)
        UUID spec = data.document("Ranking " + TestDocuments.uniqueWord(), "1.0", "done");
        UUID titled = data.section(spec, null, 1, 0, "Throttling", "Limits on the message rate of a session.", 1);
        UUID repeated = data.section(spec, null, 1, 1, "Rate Control",
                "Throttling applies. ".repeat(40) + "Nothing else.", 2);

        // when
        JsonNode page = searchIn(spec, "throttling");

        // then
        assertThat(ids(page)).containsExactly(titled, repeated);
        assertThat(page.path("hits").get(0).path("score").asDouble())
            .isGreaterThan(page.path("hits").get(1).path("score").asDouble());
    }

    @Test
    void hitCarriesBreadcrumbDocumentPageAndHtmlSafeSnippet() {
        JsonNode hit = searchIn(itch, "AddOrder").path("hits").get(0);

        assertThat(hit.path("title").asString()).isEqualTo("Add Order Message");
        assertThat(hit.path("level").asInt()).isEqualTo(3);
        assertThat(hit.path("pageNumber").asInt()).isEqualTo(4);
        assertThat(hit.path("document").path("id").asString()).isEqualTo(itch.toString());
        assertThat(hit.path("document").path("title").asString()).isEqualTo(itchTitle);
        assertThat(hit.path("document").path("version").asString()).isEqualTo("5.0");
        assertThat(hit.path("breadcrumb").findValuesAsString("title")).containsExactly("Introduction",
                "Message Formats");
        assertThat(hit.path("breadcrumb").get(0).path("id").asString()).isEqualTo(introduction.toString());
        String snippet = searchIn(itch, "matching engine security").path("hits").get(0).path("snippet").asString();
        assertThat(snippet).contains("<mark>matching</mark>").contains("<mark>engine</mark>");
        String escaped = searchIn(itch, "alert").path("hits").get(0).path("snippet").asString();
        assertThat(escaped).contains("0 &lt; limit &amp; limit &gt; 5 &quot;quoted&quot; &#39;x&#39;")
            .contains("<mark>alert</mark>")
            .doesNotContain("<script");
    }

    @Test
    void totalIsExactWhenEveryMatchWasRanked() {
        JsonNode page = searchIn(itch, "order");

        assertThat(page.path("total").asLong()).isEqualTo(ids(page).size()).isEqualTo(2);
        assertThat(page.path("totalIsEstimate").asBoolean()).isFalse();
        assertThat(page.path("allMatchesRanked").asBoolean()).isTrue();
        assertThat(page.path("interpretedAs").asString()).isEqualTo("'order':*");
    }

    @Test
    void onlyProcessedDocumentsAreSearched() {
        assertThat(ids(searchIn(pending, "AddOrder"))).isEmpty();
        assertThat(documentsOf(search("AddOrder"))).doesNotContain(pending.toString());
    }

    @Test
    void filtersByDocumentTitleVersionAndLevel() {
        assertThat(documentsOf(search("order&document=" + fix))).containsOnly(fix.toString());
        String itchWord = itchTitle.substring(itchTitle.lastIndexOf(' ') + 1);
        assertThat(documentsOf(search("order&title=" + itchWord.toUpperCase()))).containsOnly(itch.toString());
        assertThat(ids(search("order&title=" + itchWord + "&version=5.0&level=3"))).containsExactlyInAnyOrder(addOrder,
                orderExecuted);
        assertThat(ids(search("order&title=" + itchWord + "&version=4.4"))).isEmpty();
        assertThat(ids(search("stock&document=" + itch + "&level=2"))).containsExactly(messageFormats);
    }

    @Test
    void titleFilterTreatsLikeWildcardsAsText() {
        assertThat(ids(search("order&title=%25"))).as("%% is not a wildcard").isEmpty();
        assertThat(ids(search("order&title=_"))).isEmpty();
    }

    @Test
    void stopWordsOnlyFindNothing() {
        JsonNode page = searchIn(itch, "the of and");

        assertThat(page.path("hits").size()).isZero();
        assertThat(page.path("total").asLong()).isZero();
        assertThat(page.path("interpretedAs").asString()).isEmpty();
    }

    @Test
    void pagesFollowOneAnotherWithoutDuplicatesOrGaps() {
        String word = TestDocuments.uniqueWord();
        UUID document = data.document("Paging " + word, "1.0", "done");
        List<UUID> written = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // a few share one text, so their scores tie and the id decides
            String text = i % 3 == 0 ? word + " appears once here."
                    : word + " " + word + " appears " + "twice ".repeat(i % 5);
            written.add(data.section(document, null, 1, i, i % 4 == 0 ? "About " + word : "Section " + i, text, i + 1));
        }
        List<UUID> all = ids(search(word + "&limit=100"));

        List<UUID> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = search(word + "&limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
            paged.addAll(ids(page));
            assertThat(page.path("total").asLong()).isEqualTo(23);
            cursor = page.path("nextCursor").isMissingNode() || page.path("nextCursor").isNull() ? null
                    : page.path("nextCursor").asString();
            pages++;
        }
        while (cursor != null);

        assertThat(pages).isEqualTo(5);
        assertThat(all).containsExactlyInAnyOrderElementsOf(written);
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(new HashSet<>(paged)).hasSize(23);
    }

    private JsonNode searchIn(UUID document, String query) {
        return OkJson.get(http, "/api/search?q={q}&document={d}", query, document);
    }

    /**
     * {@code rest} is the query followed by raw extra parameters ({@code &name=value}).
     */
    private JsonNode search(String rest) {
        int extra = rest.indexOf('&');
        String query = extra < 0 ? rest : rest.substring(0, extra);
        String parameters = extra < 0 ? "" : rest.substring(extra);
        return OkJson.get(http, "/api/search?q={q}" + parameters, query);
    }

    static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.path("hits").forEach(hit -> ids.add(UUID.fromString(hit.path("sectionId").asString())));
        return ids;
    }

    static Set<String> documentsOf(JsonNode page) {
        Set<String> ids = new HashSet<>();
        page.path("hits").forEach(hit -> ids.add(hit.path("document").path("id").asString()));
        return ids;
    }

}
