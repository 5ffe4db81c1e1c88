package monosearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import monosearch.testing.RunningServer;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The search page and the monograph page in headless Chromium, against the real server over the bundled corpus
 * plus one hostile monograph. One server and one browser for the whole class; every test starts from a page load.
 */
class SearchPageBrowserTest {
    // Raw HTML in markdown is dropped by the parser; the code spans and entities reach the index, the API and the
    // monograph page as literal "<script>" and "<img onerror>" text in the drug name, a heading and the body.
    private static final String HOSTILE = """
            ---
            layout: minimal-medicine
            title: "Xssamine <img src=x onerror=\\"window.__xss=1\\">"
            ---

            # Xssamine <img src=x onerror="window.__xss=1">
            ### Usage
            Xssamine treats zebrafever. <script>window.__xss=1</script> `<script>window.__xss=1</script>` \
            &lt;img src=x onerror="window.__xss=1"&gt; in the text.

            ### Side Effects `<script>window.__xss=1</script>` &lt;img src=x onerror="window.__xss=1"&gt;
            *   Zebrafever rash `<img src=x onerror="window.__xss=1">`
            *   Headache &lt;script&gt;window.__xss=1&lt;/script&gt;
            """;

    @TempDir
    static Path temp;
    static RunningServer server;
    static HeadlessChromium browser;

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        HeadlessChromium.assumeInstalled();
        TestIndex index = new TestIndex(temp).withBundledCorpus().write("x/xssamine.md", HOSTILE);
        index.reindex();
        server = RunningServer.start(index.index());
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @AfterEach
    void noScriptErrorsOrBlockedContent() {
        if (browser != null) {
            assertEquals(List.of(), browser.scriptProblems(), "console errors or CSP violations");
        }
    }

    @Test
    void typingAQueryShowsHighlightedResultsGroupedByDrug() throws Exception {
        open("/");
        assertEquals("q", browser.js("return document.activeElement.id"), "the search box has the focus on load");
        assertTrue(element("#hint").isDisplayed(), "the empty page shows the hint");
        assertEquals(3, elements("#hint a.example").size());
        browser.screenshot("start");

        element("#q").sendKeys("capillary leak");
        waitForStatus("12 results for “capillary leak”");

        List<String> marks = texts(".snippet mark");
        assertTrue(marks.stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains("capillary")),
                "matched words are marked in the snippets: " + marks);

        // Groups appear in the order of each drug's best hit, each drug once, its hits under it in rank order.
        String api = server.get("/api/search?q=capillary+leak&limit=20").body();
        Map<String, List<String>> expected = hitsByDrug(api);
        assertTrue(interleaved(api), "the API answer mixes drugs, so grouping is put to the test");
        Map<String, List<String>> shown = new LinkedHashMap<>();
        for (WebElement group : elements(".group")) {
            shown.put(group.findElement(By.cssSelector(".group-title")).getText(), texts(group, ".hit-label"));
        }
        assertEquals(expected, shown);

        assertTrue(browser.driver.getCurrentUrl().endsWith("/?q=capillary+leak"), browser.driver.getCurrentUrl());
        assertEquals("capillary leak — monosearch", browser.driver.getTitle());
        browser.screenshot("results");
    }

    @Test
    void clickingASectionChipFiltersTheResultsAndTheUrlAndBackUndoesIt() {
        open("/?q=capillary+leak");
        waitForStatus("12 results");
        WebElement sideEffects = chip("Side Effects");
        assertEquals("false", sideEffects.getAttribute("aria-pressed"));
        assertEquals("6", sideEffects.findElement(By.cssSelector(".chip-count")).getText());
        assertFalse(hrefs().stream().filter(h -> h.endsWith("#precautions")).toList().isEmpty());

        sideEffects.click();
        browser.waitFor(ExpectedConditions.urlContains("section=Side+Effects"));
        waitForStatus("6 results for “capillary leak” in Side Effects");
        assertEquals("true", chip("Side Effects").getAttribute("aria-pressed"));
        assertEquals(6, elements(".hit").size());
        assertTrue(hrefs().stream().allMatch(h -> h.endsWith("#side-effects")), hrefs().toString());
        browser.screenshot("filtered");

        chip("Side Effects").click();
        waitForStatus("12 results for “capillary leak”.");
        assertFalse(browser.driver.getCurrentUrl().contains("section="));

        browser.driver.navigate().back();
        waitForStatus("6 results for “capillary leak” in Side Effects");
        assertEquals("true", chip("Side Effects").getAttribute("aria-pressed"));
        assertEquals("capillary leak", element("#q").getDomProperty("value"));
    }

    @Test
    void theMonographPageMarksWhatASynonymMatchedNotTheWordsTyped() {
        open("/monographs/ondansetron?q=throwing+up");
        browser.waitFor(d -> !d.findElements(By.cssSelector(".term-note")).isEmpty());
        List<String> marked = texts(element("article.monograph"), "mark.term");
        assertFalse(marked.isEmpty(), "the synonym's matches are marked");
        assertTrue(marked.stream().allMatch(m -> m.toLowerCase(java.util.Locale.ROOT).startsWith("vomit")), marked.toString());
        assertFalse(element(".term-note").getText().startsWith("0 matches"), element(".term-note").getText());
    }

    @Test
    void followingAResultLandsOnTheSectionWithTheQueryTermsMarked() {
        open("/?q=capillary+leak");
        waitForStatus("12 results");
        WebElement link = hitLink("Clofarabine", "Side Effects");
        assertTrue(link.getAttribute("href").endsWith("/monographs/clofarabine?q=capillary+leak#side-effects"),
                link.getAttribute("href"));

        link.click();
        browser.waitFor(ExpectedConditions.urlContains("/monographs/clofarabine"));
        browser.waitFor(d -> !d.findElements(By.cssSelector(".term-note")).isEmpty());
        WebElement section = element("#side-effects");
        assertEquals("#side-effects", browser.js("return location.hash"));
        assertTrue(section.getAttribute("class").contains("is-target"), "the target section is highlighted");
        assertEquals(true, browser.js("return arguments[0].matches(':target')", section));
        assertEquals(true, browser.js("const r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.top < innerHeight / 2", section), "the page is scrolled to the section");

        List<String> marked = texts(section, "mark.term");
        assertTrue(marked.stream().anyMatch(m -> m.equalsIgnoreCase("capillary leak")), "the phrase matched is marked: " + marked);
        assertTrue(elements(".toc mark").isEmpty(), "the contents list is left alone");
        assertTrue(elements("#generic-name mark").isEmpty(), "sections without the words have no marks");
        assertEquals("capillary leak", element("#top-q").getDomProperty("value"));
        browser.screenshot("monograph");
        browser.js("window.scrollTo(0, 0)");
        browser.screenshot("monograph-top");

        browser.driver.findElement(By.cssSelector(".toc a[href='#usage']")).click();
        browser.waitFor(d -> element("#usage").getAttribute("class").contains("is-target"));
        assertFalse(section.getAttribute("class").contains("is-target"), "only one section is highlighted");
    }

    @Test
    void theKeyboardAloneMovesThroughSuggestionsAndResultsAndOpensOne() {
        open("/");
        new Actions(browser.driver).sendKeys("clofarabine").perform();
        waitForStatus("results for “clofarabine”");
        browser.waitFor(d -> element("#suggestions").isDisplayed());
        WebElement box = element("#q");
        assertEquals("true", box.getAttribute("aria-expanded"));

        press(Keys.ARROW_DOWN);
        WebElement option = element("#suggestions [role=option]");
        assertEquals(option.getAttribute("id"), box.getAttribute("aria-activedescendant"));
        assertEquals("true", option.getAttribute("aria-selected"));
        assertEquals("q", browser.js("return document.activeElement.id"), "the box keeps the focus on a suggestion");

        press(Keys.ARROW_DOWN);
        List<WebElement> links = elements("a.hit-link");
        assertEquals(links.get(0), browser.driver.switchTo().activeElement(), "then the first result");
        assertNull(box.getAttribute("aria-activedescendant"));
        assertNotEquals("none", browser.js("return getComputedStyle(document.activeElement).outlineStyle"),
                "the focused result has a visible outline");

        press(Keys.ARROW_UP);
        assertEquals(option.getAttribute("id"), box.getAttribute("aria-activedescendant"), "and back up");
        press(Keys.ARROW_DOWN);
        press(Keys.ARROW_DOWN);
        assertEquals(links.get(1), browser.driver.switchTo().activeElement());

        String target = links.get(1).getAttribute("href");
        press(Keys.ENTER);
        browser.waitFor(ExpectedConditions.urlToBe(target));
        assertTrue(target.contains("/monographs/clofarabine?q=clofarabine#"), target);
    }

    @Test
    void enterOnASuggestionOpensThatDrugsMonograph() {
        open("/");
        new Actions(browser.driver).sendKeys("clopi").perform();
        browser.waitFor(d -> element("#suggestions").isDisplayed());
        assertEquals(List.of("Clopidogrel"), texts("#suggestions .suggestion-drug"));
        press(Keys.ARROW_DOWN);
        press(Keys.ENTER);
        browser.waitFor(ExpectedConditions.urlToBe(server.baseUrl() + "/monographs/clopidogrel"));
        assertEquals("Clopidogrel", element("h1").getText());
    }

    @Test
    void escapeClosesTheSuggestionsFirstAndThenClearsTheQuery() {
        open("/");
        new Actions(browser.driver).sendKeys("clo").perform();
        browser.waitFor(d -> element("#suggestions").isDisplayed());
        assertEquals(List.of("Clofarabine", "Clopidogrel"), texts("#suggestions .suggestion-drug"));

        press(Keys.ESCAPE);
        assertFalse(element("#suggestions").isDisplayed());
        assertEquals("false", element("#q").getAttribute("aria-expanded"));
        assertEquals("clo", element("#q").getDomProperty("value"));

        press(Keys.ESCAPE);
        assertEquals("", element("#q").getDomProperty("value"));
        assertTrue(element("#hint").isDisplayed());
        assertTrue(elements(".group").isEmpty());
        assertEquals(server.baseUrl() + "/", browser.driver.getCurrentUrl());
    }

    @Test
    void aBookmarkedUrlOpensWithTheQueryAndFilterApplied() throws Exception {
        open("/?q=capillary+leak&section=Side+Effects");
        waitForStatus("6 results for “capillary leak” in Side Effects");
        assertEquals("capillary leak", element("#q").getDomProperty("value"));
        assertEquals("true", chip("Side Effects").getAttribute("aria-pressed"));
        String api = server.get("/api/search?q=capillary+leak&section=Side+Effects&limit=20").body();
        assertEquals(new ArrayList<>(hitsByDrug(api).keySet()), texts(".group-title"));
        assertEquals(6, elements(".group").size());
    }

    @Test
    void showMoreAppendsTheNextPageAndMovesTheFocusToIt() {
        open("/?q=pregnancy");
        waitForStatus("— showing 20.");
        assertEquals(20, elements(".hit").size());
        WebElement more = element("#more");
        assertTrue(more.isDisplayed());

        more.click();
        waitForStatus("— showing 40.");
        assertEquals(40, elements(".hit").size());
        assertEquals("20", browser.js("return document.activeElement.dataset.index"), "focus on the 21st hit");
        List<String> drugs = texts(".group-title");
        assertEquals(drugs.stream().distinct().toList(), drugs, "the new hits join their drugs' groups");
    }

    @Test
    void aQueryWithoutMatchesSaysSoAndOffersToClearTheFilters() {
        open("/?q=capillary+leak&section=Usage");
        waitForStatus("No results for “capillary leak” in Usage.");
        assertTrue(element("#empty").isDisplayed());
        assertTrue(elements(".group").isEmpty());
        assertEquals("true", chip("Usage").getAttribute("aria-pressed"), "the active filter can still be removed");
        browser.screenshot("no-results");

        element("#clear-filters").click();
        waitForStatus("12 results for “capillary leak”.");
        assertFalse(element("#empty").isDisplayed());
        assertFalse(browser.driver.getCurrentUrl().contains("section="));

        element("#q").clear();
        element("#q").sendKeys("qwxzzy");
        waitForStatus("No results for “qwxzzy”.");
        assertFalse(element("#clear-filters").isDisplayed(), "no filters, nothing to clear");
    }

    @Test
    void didYouMeanAppliesTheSpellingSuggestionInOneClick() {
        open("/?q=warfrin");
        browser.waitFor(d -> element("#did-you-mean").isDisplayed());
        WebElement suggestion = element("#did-you-mean-button");
        assertEquals("warfarin", suggestion.getText());
        suggestion.click();
        waitForStatus("results for “warfarin”");
        assertEquals("warfarin", element("#q").getDomProperty("value"));
        assertTrue(browser.driver.getCurrentUrl().endsWith("/?q=warfarin"));
        assertFalse(element("#did-you-mean").isDisplayed());
    }

    @Test
    void whenTheServerIsUnreachableAnAlertShowsAndTheLastResultsStay() throws Exception {
        // A second server over the same index, so this one can go away without disturbing the other tests.
        RunningServer doomed = RunningServer.start(temp.resolve("index"));
        try {
            browser.driver.get(doomed.baseUrl() + "/?q=capillary+leak");
            waitForStatus("12 results");
            List<String> before = texts(".group-title");
            assertFalse(element("#alert").isDisplayed());

            doomed.close();
            doomed = null;
            element("#q").sendKeys(" syndrome");
            browser.waitFor(d -> element("#alert").isDisplayed());
            assertTrue(element("#alert").getText().contains("Cannot reach the search server"),
                    element("#alert").getText());
            assertEquals(before, texts(".group-title"), "the last results stay on screen");
            browser.screenshot("error");
        } finally {
            if (doomed != null) {
                doomed.close();
            }
        }
    }

    @Test
    void anErrorAnswerFromTheServerIsShownInAnAlert() {
        open("/?q=" + "a".repeat(ApiController.MAX_QUERY_CHARS + 1));
        browser.waitFor(d -> element("#alert").isDisplayed());
        assertTrue(element("#alert").getText().contains("The search failed (HTTP 400): q must be at most 500 characters"),
                element("#alert").getText());
        assertTrue(elements(".group").isEmpty());
    }

    @Test
    void aSlowAnswerToAnOlderQueryNeverReplacesTheNewerResults() {
        open("/");
        // Hold back the answer for "cap" until the newer results are on screen (without its abort signal, so only
        // the page's own ordering can save it), then deliver it: no timer decides which answer comes first.
        browser.js("""
                const realFetch = window.fetch;
                window.__slow = 'pending';
                let release;
                const released = new Promise((resolve) => { release = resolve; });
                window.__release = () => release();
                window.fetch = (url, options) => {
                  if (String(url).startsWith('/api/search?q=cap&')) {
                    window.__slow = 'held';
                    return released.then(() => realFetch(url)).then((response) => {
                      // Delivered once the page has read the body: its own code after that runs before this timer.
                      const json = response.json.bind(response);
                      response.json = () => json().then((body) => {
                        setTimeout(() => { window.__slow = 'delivered'; }, 0);
                        return body;
                      });
                      return response;
                    });
                  }
                  return realFetch(url, options);
                };
                """);
        element("#q").sendKeys("cap");
        browser.waitFor(d -> "held".equals(browser.js("return window.__slow")));
        element("#q").sendKeys("illary leak");
        waitForStatus("12 results for “capillary leak”");
        browser.js("window.__release()");
        browser.waitFor(d -> "delivered".equals(browser.js("return window.__slow")));
        assertTrue(element("#status").getText().contains("“capillary leak”"), element("#status").getText());
        assertEquals("capillary leak", element("#q").getDomProperty("value"));
    }

    @Test
    void scriptAndImageMarkupInAMonographIsShownAsTextAndNeverRuns() {
        open("/?q=zebrafever");
        waitForStatus("2 results for “zebrafever”");
        assertEquals(List.of("Xssamine <img src=x onerror=\"window.__xss=1\">"), texts(".group-title"));
        assertTrue(element("#results").getText().contains("Headache <script>window.__xss=1</script>"));
        assertTrue(element("#filters").getText().contains("<script>"), "the section name in the chip is text too");
        assertNothingInjected("/assets/app.js");

        hitLink("Xssamine <img src=x onerror=\"window.__xss=1\">", "Side Effects <script>").click();
        browser.waitFor(ExpectedConditions.urlContains("/monographs/xssamine"));
        browser.waitFor(d -> !d.findElements(By.cssSelector(".section.is-target")).isEmpty());
        assertTrue(element("h1").getText().contains("<img src=x onerror="));
        assertTrue(element(".section.is-target").getText().contains("Zebrafever rash <img src=x onerror="));
        assertFalse(elements(".section.is-target mark.term").isEmpty(), "terms are still marked beside the markup");
        assertNothingInjected("/assets/monograph.js");
    }

    @Test
    void atPhoneWidthThePageFitsWithoutSidewaysScrolling() {
        browser.resize(375, 812);
        try {
            open("/?q=capillary+leak");
            waitForStatus("12 results");
            assertEquals(true, browser.js("return document.documentElement.scrollWidth <= innerWidth"));
            assertTrue(element("#q").getSize().getWidth() > 300, "the box uses the width of the screen");
            browser.screenshot("results-phone");

            open("/monographs/clofarabine?q=capillary+leak#side-effects");
            browser.waitFor(d -> !d.findElements(By.cssSelector(".section.is-target")).isEmpty());
            assertEquals(true, browser.js("return document.documentElement.scrollWidth <= innerWidth"));
            browser.screenshot("monograph-phone");
        } finally {
            browser.resetSize();
        }
    }

    // ---- helpers ----

    private static void open(String pathAndQuery) {
        browser.driver.get(server.baseUrl() + pathAndQuery);
    }

    private static WebElement element(String css) {
        return browser.driver.findElement(By.cssSelector(css));
    }

    private static List<WebElement> elements(String css) {
        return browser.driver.findElements(By.cssSelector(css));
    }

    private static List<String> texts(String css) {
        return elements(css).stream().map(WebElement::getText).toList();
    }

    private static List<String> texts(WebElement scope, String css) {
        return scope.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static List<String> hrefs() {
        return elements("a.hit-link").stream().map(a -> a.getAttribute("href")).toList();
    }

    private static WebElement group(String drug) {
        return elements(".group").stream()
                .filter(g -> g.findElement(By.cssSelector(".group-title")).getText().equals(drug))
                .findFirst().orElseThrow(() -> new AssertionError("no group for " + drug + " in " + texts(".group-title")));
    }

    private static WebElement hitLink(String drug, String labelStart) {
        return group(drug).findElements(By.cssSelector("a.hit-link")).stream()
                .filter(a -> a.findElement(By.cssSelector(".hit-label")).getText().startsWith(labelStart))
                .findFirst().orElseThrow(() -> new AssertionError("no hit '" + labelStart + "' for " + drug));
    }

    private static WebElement chip(String section) {
        return browser.waitFor(d -> elements("button.chip").stream()
                .filter(c -> c.findElement(By.cssSelector(".chip-label")).getText().equals(section))
                .findFirst().orElse(null));
    }

    private static void waitForStatus(String text) {
        browser.waitFor(d -> element("#status").getText().contains(text) ? true : null);
    }

    private static void press(Keys key) {
        new Actions(browser.driver).sendKeys(key).perform();
    }

    private static void assertNothingInjected(String ownScript) {
        assertEquals("undefined", browser.js("return typeof window.__xss"), "no injected script ran");
        assertEquals(List.of(server.baseUrl() + ownScript),
                browser.js("return [...document.scripts].map(s => s.src)"), "only the page's own script");
        assertEquals(0L, browser.js("return document.images.length"), "no injected images");
    }

    /** Hit labels (the heading path) by drug, drugs in the order of their best hit, from an /api/search answer. */
    private static Map<String, List<String>> hitsByDrug(String json) throws Exception {
        Map<String, List<String>> byDrug = new LinkedHashMap<>();
        for (JsonNode hit : new ObjectMapper().readTree(json).get("hits")) {
            List<String> path = new ArrayList<>();
            hit.get("path").forEach(p -> path.add(p.asText()));
            String label = path.size() > 1 ? String.join(" › ", path) : hit.get("heading").asText();
            byDrug.computeIfAbsent(hit.get("drug").asText(), d -> new ArrayList<>()).add(label);
        }
        return byDrug;
    }

    /** Whether some drug's hits are not next to each other in the answer. */
    private static boolean interleaved(String json) throws Exception {
        List<String> runs = new ArrayList<>();
        for (JsonNode hit : new ObjectMapper().readTree(json).get("hits")) {
            String drug = hit.get("drug").asText();
            if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(drug)) {
                runs.add(drug);
            }
        }
        return runs.size() > runs.stream().distinct().count();
    }
}
