package monosearch.web;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import monosearch.monograph.CorpusFile;
import monosearch.monograph.CorpusScanner;
import monosearch.search.Html;
import monosearch.search.Links;
import monosearch.search.ResultCache;
import monosearch.search.SearchService;
import monosearch.search.SectionIntents;
import monosearch.search.Synonyms;
import monosearch.testing.RunningServer;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The HTTP API end to end: a real server on a loopback port over a real index. */
class ApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HOSTILE = "Hostile";

    @TempDir
    static Path temp;
    static TestIndex t;
    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        t = new TestIndex(temp).withBundledCorpus()
                .write("h/hostile.md", monograph(HOSTILE,
                        "Side Effects <img src=x onerror=alert(1)>", "Causes <script>alert('x')</script> dizziness & \"rash\" <img src=x onerror=alert(2)>.",
                        "Usage", "Use &lt;script&gt;alert(3)&lt;/script&gt; against dizziness."));
        t.reindex();
        server = RunningServer.start(t.index());
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void searchAnswersWithRankedHitsFacetsAndTiming() throws Exception {
        HttpResponse<String> r = server.get("/api/search?q=" + enc("capillary leak"));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonNode body = json(r);
        assertEquals("capillary leak", body.get("query").asText());
        assertTrue(body.get("total").asLong() >= 6);
        assertTrue(body.get("tookMs").isNumber());
        JsonNode hit = body.get("hits").get(0);
        for (String field : new String[] {"drug", "slug", "section", "heading", "path", "anchor", "url", "score", "snippet"}) {
            assertTrue(hit.has(field), "hit has " + field);
        }
        assertTrue(body.get("facets").get("section").get(0).has("count"));
        assertTrue(body.has("suggestion"));
        assertTrue(body.get("suggestion").isNull());
    }

    @Test
    void everyScriptAndStylesheetOfThePageIsServedWithItsType() throws Exception {
        Path assets = Path.of(System.getProperty("monosearch.projectDir", "."), "src/main/resources/web/assets");
        List<Path> files;
        try (var listing = Files.list(assets)) {
            files = listing.toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            String name = file.getFileName().toString();
            HttpResponse<String> r = server.get("/assets/" + name);
            assertEquals(200, r.statusCode(), name);
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), r.body(), name);
            String type = r.headers().firstValue("content-type").orElse("");
            assertTrue(type.startsWith(name.endsWith(".css") ? "text/css" : "text/javascript"), name + ": " + type);
        }
    }

    @Test
    void anUnchangedAssetIsRevalidatedWithoutItsBody() throws Exception {
        HttpResponse<String> first = server.get("/assets/app.js");
        String etag = first.headers().firstValue("etag").orElseThrow();
        HttpResponse<String> again = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/assets/app.js"))
                .header("If-None-Match", etag).build());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
    }

    @Test
    void anUnknownAssetIsAJson404() throws Exception {
        HttpResponse<String> r = server.get("/assets/nothing.js");
        assertEquals(404, r.statusCode());
        assertEquals(404, json(r).get("status").asInt());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"blood", "dose", "bleeding"})
    void pagesOfLimitAndOffsetAreDisjointAndTogetherAreTheUnpagedList(String q) throws Exception {
        JsonNode unpaged = json(server.get("/api/search?q=" + enc(q) + "&limit=30"));
        List<String> expected = new ArrayList<>();
        unpaged.get("hits").forEach(hit -> expected.add(key(hit)));
        assertTrue(expected.size() > 9, "enough hits for several pages: " + expected.size());
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 30; offset += 3) {
            JsonNode page = json(server.get("/api/search?q=" + enc(q) + "&limit=3&offset=" + offset));
            assertEquals(unpaged.get("total"), page.get("total"));
            for (JsonNode hit : page.get("hits")) {
                assertFalse(paged.contains(key(hit)), "offset " + offset + " repeats " + key(hit));
                paged.add(key(hit));
            }
        }
        assertEquals(expected, paged);
    }

    /** A hit's section: its monograph, path and anchor (sub-sections share their heading's anchor). */
    private static String key(JsonNode hit) {
        return hit.get("slug").asText() + " " + hit.get("path") + " #" + hit.get("anchor").asText();
    }

    @Test
    void sectionAndDrugFiltersMayRepeatAndIgnoreCase() throws Exception {
        JsonNode body = json(server.get("/api/search?q=bleeding&section=side+effects&section=PRECAUTIONS&drug=warfarin&drug=heparin"));
        assertTrue(body.get("total").asLong() > 0);
        for (JsonNode hit : body.get("hits")) {
            assertTrue(hit.get("section").asText().matches("Side Effects|Precautions"), hit.toString());
            assertTrue(hit.get("slug").asText().matches("warfarin|heparin"), hit.toString());
        }
    }

    @Test
    void aMisspelledQueryGetsASuggestion() throws Exception {
        assertEquals("clofarabine", json(server.get("/api/search?q=clofarabin")).get("suggestion").asText());
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/search|400|q is required",
            "/api/search?q=+++|400|q is required",
            "/api/search?q=x&limit=0|400|limit must be between 1 and 100",
            "/api/search?q=x&limit=101|400|limit must be between 1 and 100",
            "/api/search?q=x&limit=ten|400|limit must be a whole number between 1 and 100",
            "/api/search?q=x&offset=-1|400|offset must be between 0 and 10000",
            "/api/search?q=x&offset=10001|400|offset must be between 0 and 10000",
            "/api/suggest|400|q is required",
            "/api/monographs/no-such-drug|404|no monograph with slug 'no-such-drug'",
            "/monographs/no-such-drug|404|no monograph with slug 'no-such-drug'",
            "/no/such/route|404|Endpoint GET /no/such/route not found"})
    void badRequestsGetAJsonErrorWithTheRightStatus(String path, int status, String message) throws Exception {
        HttpResponse<String> r = server.get(path);
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals(status, body.get("status").asInt());
        assertEquals(message, body.get("error").asText());
    }

    /** Suggest too: the page asks it on every keystroke of a box the search accepts. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/search", "/api/suggest"})
    void aQueryOverFiveHundredCharactersIsRefused(String route) throws Exception {
        HttpResponse<String> r = server.get(route + "?q=" + "a".repeat(501));
        assertEquals(400, r.statusCode());
        assertEquals("q must be at most 500 characters", json(r).get("error").asText());
        assertEquals(200, server.get(route + "?q=" + "a".repeat(500)).statusCode());
    }

    @Test
    void hitsLinkWhereTheLinkTemplateSays() throws Exception {
        try (RunningServer linked = RunningServer.start(t.index(), "https://intranet.example/composition/{path}/#{anchor}?d={slug}")) {
            JsonNode hits = json(linked.get("/api/search?q=" + enc("capillary leak"))).get("hits");
            assertTrue(hits.size() > 1);
            for (JsonNode hit : hits) {
                String slug = hit.get("slug").asText();
                JsonNode m = json(linked.get("/api/monographs/" + slug));
                String path = m.get("source").asText().replaceFirst("\\.[^.]*$", "");
                assertEquals("https://intranet.example/composition/" + path + "/#" + hit.get("anchor").asText() + "?d=" + slug,
                        hit.get("url").asText());
            }
        }
    }

    @Test
    void aQueryMayHave32WordsAndAFilter20ValuesButNotMore() throws Exception {
        String words = IntStream.range(0, 33).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        assertEquals(200, server.get("/api/search?q=" + enc(words.substring(0, words.lastIndexOf(' ')))).statusCode());
        HttpResponse<String> tooMany = server.get("/api/search?q=" + enc(words));
        assertEquals(400, tooMany.statusCode());
        assertEquals("q must have at most 32 words", json(tooMany).get("error").asText());

        String sections = IntStream.range(0, 21).mapToObj(i -> "section=s" + i).collect(Collectors.joining("&"));
        assertEquals(200, server.get("/api/search?q=x&" + sections.substring(0, sections.lastIndexOf('&'))).statusCode());
        HttpResponse<String> tooManySections = server.get("/api/search?q=x&" + sections);
        assertEquals(400, tooManySections.statusCode());
        assertEquals("at most 20 values of section are allowed", json(tooManySections).get("error").asText());

        String drugs = IntStream.range(0, 21).mapToObj(i -> "d" + i).collect(Collectors.joining(","));
        assertEquals(200, server.get("/api/search?q=x&drug=" + drugs.substring(0, drugs.lastIndexOf(','))).statusCode());
        HttpResponse<String> tooManyDrugs = server.get("/api/search?q=x&drug=" + drugs);
        assertEquals(400, tooManyDrugs.statusCode(), "comma-separated values count one by one");
        assertEquals("at most 20 values of drug are allowed", json(tooManyDrugs).get("error").asText());
    }

    @Test
    void aSearchPastItsTimeBudgetIsA200MarkedPartial() throws Exception {
        // A budget of 0 ms is spent before the first match is looked at, whatever the machine's speed.
        try (RunningServer spent = RunningServer.startWith(t.index(), WebConfig.loopback(0), WebServer.Parts.basic(null),
                index -> new SearchService(index, Synonyms.bundled(), SectionIntents.bundled(), new Links(null), 0, ResultCache.off()))) {
            HttpResponse<String> r = spent.get("/api/search?q=blood");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(json(r).get("partial").asBoolean(), r.body());
        }
        HttpResponse<String> normal = server.get("/api/search?q=blood");
        assertFalse(json(normal).get("partial").asBoolean(), normal.body());
        assertTrue(json(normal).get("total").asLong() > 0);
    }

    @Test
    void theWrongMethodIs405() throws Exception {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/search?q=x"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(405, r.statusCode());
        assertEquals(405, json(r).get("status").asInt());
    }

    @Test
    void snippetsAreEscapedHtmlWithOnlyMarkAdded() throws Exception {
        JsonNode body = json(server.get("/api/search?q=dizziness&drug=hostile"));
        assertTrue(body.get("total").asLong() >= 1);
        for (JsonNode hit : body.get("hits")) {
            String snippet = hit.get("snippet").asText();
            String withoutMarks = snippet.replace("<mark>", "").replace("</mark>", "");
            assertFalse(withoutMarks.contains("<"), snippet);
            assertFalse(withoutMarks.contains(">"), snippet);
            assertTrue(snippet.contains("<mark>dizziness</mark>"), snippet);
        }
    }

    @Test
    void suggestReturnsDrugNamesForAPrefix() throws Exception {
        JsonNode body = json(server.get("/api/suggest?q=clo&limit=8"));
        assertEquals("clo", body.get("query").asText());
        assertEquals("clofarabine", body.get("suggestions").get(0).get("slug").asText());
        assertEquals("Clofarabine", body.get("suggestions").get(0).get("drug").asText());
    }

    @Test
    void aMonographComesWholeFromTheIndex() throws Exception {
        JsonNode body = json(server.get("/api/monographs/clofarabine"));
        assertEquals("Clofarabine", body.get("drug").asText());
        assertEquals("c/clofarabine.md", body.get("source").asText());
        JsonNode first = body.get("sections").get(0);
        for (String field : new String[] {"section", "heading", "path", "anchor", "level", "text"}) {
            assertTrue(first.has(field), "section has " + field);
        }
    }

    @Test
    void everyMonographPageHasTheAnchorOfEachSectionAsTheIdOfExactlyOneSection() throws Exception {
        Pattern sectionId = Pattern.compile("<section [^>]*\\bid=\"([^\"]*)\"");
        int pages = 0;
        for (CorpusFile f : new CorpusScanner(TestIndex.MAX_FILE_BYTES).scan(t.corpus()).files()) {
            JsonNode monograph = json(server.get("/api/monographs/" + f.slug()));
            Set<String> anchors = new TreeSet<>();
            monograph.get("sections").forEach(s -> {
                if (!s.get("anchor").asText().isEmpty()) {
                    anchors.add(Html.escape(s.get("anchor").asText()));
                }
            });
            HttpResponse<String> page = server.get("/monographs/" + f.slug());
            assertEquals(200, page.statusCode(), f.slug());
            List<String> ids = sectionId.matcher(page.body()).results().map(m -> m.group(1)).toList();
            assertEquals(anchors, new TreeSet<>(ids), f.slug() + ": every anchor is a section id, and no other id");
            assertEquals(anchors.size(), ids.size(), f.slug() + ": no id twice");
            pages++;
        }
        assertEquals(48, pages);
    }

    @Test
    void theMonographPageEscapesItsText() throws Exception {
        String hostile = server.get("/monographs/hostile").body();
        assertTrue(hostile.contains("Causes"), "the text is there");
        assertFalse(hostile.contains("<script>alert"), "no script from the content");
        assertFalse(hostile.contains("<img src=x"), "no img from the content");
    }

    @Test
    void anUnknownMonographOpenedInABrowserIsAnHtmlPageAndForAScriptAJsonError() throws Exception {
        HttpResponse<String> page = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/monographs/%3Cb%3Egone"))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").build());
        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"), page.headers().toString());
        assertTrue(page.body().contains("No such monograph") && page.body().contains("&lt;b&gt;gone"), page.body());
        assertTrue(page.body().contains("href=\"/\""), "a way back to the search");
        HttpResponse<String> api = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/monographs/gone"))
                .header("Accept", "application/json").build());
        assertEquals(404, api.statusCode());
        assertEquals("no monograph with slug 'gone'", json(api).get("error").asText());
    }

    @Test
    void openSearchDescribesTheSearchPageOfThisServer() throws Exception {
        HttpResponse<String> r = server.get("/opensearch.xml");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/opensearchdescription+xml"));
        Document xml = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        String ns = "http://a9.com/-/spec/opensearch/1.1/";
        assertEquals("monosearch", xml.getElementsByTagNameNS(ns, "ShortName").item(0).getTextContent());
        NodeList urls = xml.getElementsByTagNameNS(ns, "Url");
        assertEquals(1, urls.getLength());
        Element url = (Element) urls.item(0);
        assertEquals("text/html", url.getAttribute("type"));
        String template = url.getAttribute("template");
        assertEquals(server.baseUrl() + "/?q={searchTerms}", template);
        HttpResponse<String> page = server.get(template.substring(server.baseUrl().length()).replace("{searchTerms}", "capillary+leak"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("href=\"/opensearch.xml\""), "the search page points browsers at it");
    }

    @Test
    void healthReportsTheIndex() throws Exception {
        JsonNode body = json(server.get("/health"));
        assertEquals("ok", body.get("status").asText());
        assertEquals(48, body.get("monographs").asInt());
        assertTrue(body.get("sections").asInt() > 300);
        assertTrue(body.get("indexVersion").asLong() > 0);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/api/search?q=x", "/nope", "/monographs/clofarabine"}) {
            HttpResponse<String> r = server.get(path);
            assertEquals(WebServer.CONTENT_SECURITY_POLICY, r.headers().firstValue("content-security-policy").orElse(null), path);
            assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElse(null), path);
        }
    }

    @Test
    void theErrorBodyNeverCarriesAStackTrace() throws Exception {
        HttpResponse<String> r = server.get("/api/search?q=x&limit=99999999999999999999");
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
        assertFalse(r.body().contains("at monosearch."));
        assertNull(r.headers().firstValue("x-powered-by").orElse(null));
    }
}
