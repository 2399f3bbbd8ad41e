package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.edm.testsupport.TestApiKeys;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real headless Chromium against the whole stack started from the jars:
 * a person signs in, uploads RFC 793 through the file input, watches it reach
 * {@code done} without a reload, finds a sentence of it, opens the hit and walks to the
 * next section; a bad upload is explained in words; a read-only key gets no upload
 * control; two versions are compared, searched by version and listed by family; a key
 * revoked while the library polls leads to the sign-in page. Screenshots go to
 * {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SystemTest
class WebPageSystemTest {

    private static final Path RFC_793 = Path.of("..", "docs", "samples", "rfc793.pdf").toAbsolutePath().normalize();

    private SharedStack stack;

    private ChromeDriver browser;

    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(200));
    }

    @AfterEach
    void signOut() {
        browser.manage().deleteAllCookies();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aWriterUploadsASpecificationWatchesItParseFindsASentenceAndWalksToTheNextSection() {
        // given: signed in with the stack's admin key
        signIn(stack.apiKey);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Library");

        // when: RFC 793 goes in through the file input, with a title of this run
        String title = "RFC 793 Transmission Control Protocol " + UUID.randomUUID().toString().substring(0, 8);
        browser.findElement(By.id("files")).sendKeys(RFC_793.toString());
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#uploads li")));
        WebElement titleBox = row.findElement(By.cssSelector(".title input"));
        // guessed from the file name
        assertThat(titleBox.getAttribute("value")).isEqualTo("rfc793");
        titleBox.clear();
        titleBox.sendKeys(title);
        row.findElement(By.cssSelector(".version input")).sendKeys("1981");
        ((JavascriptExecutor) browser).executeScript("window.edmNoReload = 'still here';");
        browser.findElement(By.id("upload-all")).click();

        // then: the file's outcome is shown next to it, and its row reaches done while
        // the page stays loaded
        wait.until(
                ExpectedConditions.textToBePresentInElement(row.findElement(By.cssSelector(".outcome")), "Uploaded"));
        assertThat(row.findElement(By.tagName("progress")).getAttribute("value"))
            .isEqualTo(row.findElement(By.tagName("progress")).getAttribute("max"));
        By statusOfTheDocument = By.xpath("//tr[td/a[text()='" + title + "']]//span[contains(@class,'status')]");
        wait.until(ExpectedConditions.textToBe(statusOfTheDocument, "done"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.edmNoReload")).isEqualTo("still here");
        Browser.screenshot(browser, "library");

        // when: "/" focuses the search box and a sentence of the RFC is searched
        new Actions(browser).sendKeys("/").perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("q");
        browser.switchTo().activeElement().sendKeys("retransmission timeout" + Keys.ENTER);

        // then: hits with highlighted words, document and version
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".hits li")));
        List<WebElement> hits = browser.findElements(By.cssSelector(".hits li"));
        WebElement hit = hits.stream().filter(h -> h.getText().contains(title)).findFirst().orElseThrow();
        assertThat(hit.findElements(By.cssSelector(".snippet mark"))).isNotEmpty();
        assertThat(hit.getText()).contains("1981");
        Browser.screenshot(browser, "search");

        // when: the hit is opened
        String hitTitle = hit.findElement(By.cssSelector("h2 a")).getText();
        hit.findElement(By.cssSelector("h2 a")).click();

        // then: the section with its breadcrumb, marked in the tree
        wait.until(ExpectedConditions.textToBe(By.id("section-title"), hitTitle));
        assertThat(browser.findElement(By.cssSelector("nav.breadcrumb")).getText()).contains(title);
        assertThat(browser.findElement(By.cssSelector(".tree a[aria-current='page']")).getText()).isEqualTo(hitTitle);
        assertThat(browser.findElement(By.id("permalink")).getAttribute("value")).isEqualTo(browser.getCurrentUrl());
        Browser.screenshot(browser, "document");

        // when: walking to the next section
        WebElement next = browser.findElement(By.cssSelector("a[rel='next']"));
        String nextTitle = next.findElement(By.tagName("span")).getText();
        next.click();

        // then
        wait.until(ExpectedConditions.textToBe(By.id("section-title"), nextTitle));
        assertThat(browser.findElement(By.cssSelector(".tree a[aria-current='page']")).getText()).isEqualTo(nextTitle);
        assertThat(browser.findElement(By.cssSelector("a[rel='prev'] span")).getText()).isEqualTo(hitTitle);
    }

    @Test
    void aBadUploadShowsItsProblemInWordsNextToTheFile() throws Exception {
        // given
        signIn(stack.apiKey);
        Path notAPdf = Files.createTempFile("meeting-notes.v1.0", ".pdf");
        Files.writeString(notAPdf, "These are meeting notes, not a PDF.", StandardCharsets.UTF_8);

        // when
        browser.findElement(By.id("files")).sendKeys(notAPdf.toString());
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#uploads li")));
        browser.findElement(By.id("upload-all")).click();

        // then
        WebElement outcome = row.findElement(By.cssSelector(".outcome"));
        wait.until(ExpectedConditions.textToBePresentInElement(outcome, "not a PDF"));
        assertThat(outcome.getText()).isEqualTo("This file is not a PDF.");
        assertThat(outcome.getAttribute("class")).contains("problem");
    }

    @Test
    void twoVersionsAreComparedWithTheChangedWordsHighlighted() throws Exception {
        // given: versions 1.9 and 1.10 of one specification, parsed; chapter 1's text
        // differs, chapter 4 is new
        var client = new SystemClient(stack);
        String title = "Web versions " + UUID.randomUUID().toString().substring(0, 8);
        String older = client.uploadAccepted(TestPdfs.specification("alphamarker", 3, 1), title, "1.9");
        String newer = client.uploadAccepted(TestPdfs.specification("bravomarker", 4, 1), title, "1.10");
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> "done".equals(client.status(older)) && "done".equals(client.status(newer)));
        signIn(stack.apiKey);

        // when: the family's page, then the comparison of 1.10 with 1.9
        browser.get(stack.web + "/families/"
                + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8).replace("+", "%20"));
        WebElement newest = browser.findElement(By.xpath("//tr[td/a[text()='1.10']]"));
        assertThat(newest.getText()).contains("(latest)");
        newest.findElement(By.cssSelector("a[href*='/compare']")).click();

        // then: the counts, and the changed section with the removed and added words
        // marked
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".changes")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("What changed from 1.9 to 1.10");
        assertThat(browser.findElement(By.cssSelector("main p[role='status']")).getText())
            .startsWith("1 changed, 1 added, 0 removed");
        WebElement changed = browser.findElement(By.cssSelector(".changes li[data-kind='changed']"));
        assertThat(changed.findElement(By.tagName("ins")).getText()).isEqualTo("bravomarker");
        assertThat(changed.findElement(By.tagName("del")).getText()).isEqualTo("alphamarker");
        assertThat(browser.findElement(By.cssSelector(".changes li[data-kind='added']")).getText()).contains("added");
        Browser.screenshot(browser, "compare");

        // when: a word only version 1.10 has is searched in version 1.9, then in 1.10
        // (the labelled version field)
        browser.get(stack.web + "/search?q=bravomarker");
        browser.findElement(By.id("version")).sendKeys("1.9" + Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("version=1.9"));

        // then
        assertThat(browser.findElement(By.cssSelector("main p[role='status']")).getText())
            .startsWith("Nothing matches");
        WebElement version = browser.findElement(By.id("version"));
        version.clear();
        version.sendKeys("1.10" + Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("version=1.10"));
        // (other tests' documents on the shared stack may hold the word too: every hit is
        // a
        // 1.10, and this family's 1.10 is among them)
        assertThat(browser.findElements(By.cssSelector(".hits li"))).isNotEmpty()
            .allSatisfy(h -> assertThat(h.findElement(By.cssSelector(".where span")).getText()).endsWith(" 1.10"))
            .anySatisfy(h -> assertThat(h.getText()).contains(title + " 1.10"));

        // when: the family's documents in the library (the exact family, by the family
        // page's link)
        browser.get(stack.web + "/families/"
                + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8).replace("+", "%20"));
        browser.findElement(By.partialLinkText("documents in the library")).click();

        // then: its two versions and nothing else
        wait.until(ExpectedConditions.urlContains("family="));
        assertThat(browser.findElements(By.cssSelector("table.library tbody tr"))).hasSize(2);
        assertThat(
                new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("family"))).getFirstSelectedOption()
                    .getText()
                    .toLowerCase())
            .startsWith(title.toLowerCase());
    }

    @Test
    void aKeyRevokedWhileTheLibraryPollsLeadsToTheSignInPageNotIntoTheTable() {
        // given: a document that stays in progress (written directly: nothing parses it),
        // and a person signed in
        // with a key of their own, on the library filtered to that document's family, so
        // the table polls
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient
            .create(org.edm.testsupport.TestInfrastructure.shared().dataSource());
        UUID id = UUID.randomUUID();
        String title = "Web polling " + id.toString().substring(0, 8);
        jdbc.sql("INSERT INTO documents (id, title, version, processing_status) "
                + "VALUES (:id, :title, '1.0', 'processing')")
            .param("id", id)
            .param("title", title)
            .update();
        try {
            String key = TestApiKeys.shared().create("documents:read");
            signIn(key);
            browser.get(stack.web + "/?family=" + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8));
            wait.until(ExpectedConditions.attributeContains(By.id("library-rows"), "hx-trigger", "every 2s"));

            // when: the key is revoked while the table polls
            jdbc.sql("UPDATE api_keys SET revoked_at = now() WHERE key_hash = :hash")
                .param("hash", org.edm.security.ApiKeyFormat.hash(key))
                .update();

            // then: the next poll takes the browser to the sign-in page, which says why;
            // no table holds a form
            wait.until(ExpectedConditions.urlContains("/sign-in?expired"));
            assertThat(browser.findElement(By.id("signed-out-expired")).getText()).contains("You were signed out")
                .contains("Sign in again");
            assertThat(browser.findElements(By.id("library-rows"))).isEmpty();
            assertThat(browser.findElements(By.id("key"))).hasSize(1);
        }
        finally {
            jdbc.sql("DELETE FROM documents WHERE id = :id").param("id", id).update();
        }
    }

    @Test
    void aReadOnlyKeySeesNoUploadControl() {
        // given
        String reader = TestApiKeys.shared().create("documents:read");

        // when
        signIn(reader);

        // then
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Library");
        assertThat(browser.findElements(By.id("upload-panel"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("input[type='file']"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".who")).getText()).contains("Signed in as");
    }

    private void signIn(String key) {
        browser.get(stack.web + "/");
        wait.until(ExpectedConditions.urlContains("/sign-in"));
        browser.findElement(By.id("key")).sendKeys(key);
        browser.findElement(By.cssSelector("form.signin button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".who")));
    }

}
