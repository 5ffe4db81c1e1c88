package monosearch.web;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import monosearch.testing.RunningServer;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP API end to end: a real server on a loopback port over a real index. */
class ApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HOSTILE = "Hostile";

    @TempDir
    static Path temp;
    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        TestIndex t = new TestIndex(temp).withBundledCorpus()
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

    @Test
    void limitAndOffsetPageThroughTheResults() throws Exception {
        JsonNode first = json(server.get("/api/search?q=blood&limit=3"));
        JsonNode second = json(server.get("/api/search?q=blood&limit=3&offset=3"));
        assertEquals(3, first.get("hits").size());
        assertEquals(3, second.get("hits").size());
        assertEquals(first.get("total"), second.get("total"));
        assertFalse(first.get("hits").get(0).equals(second.get("hits").get(0)));
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

    @Test
    void aQueryOverFiveHundredCharactersIsRefused() throws Exception {
        HttpResponse<String> r = server.get("/api/search?q=" + "a".repeat(501));
        assertEquals(400, r.statusCode());
        assertEquals("q must be at most 500 characters", json(r).get("error").asText());
        assertEquals(200, server.get("/api/search?q=" + "a".repeat(500)).statusCode());
    }

    @Test
    void aQueryExpandingPastTheClauseLimitIsA400NotA500() throws Exception {
        int limit = org.apache.lucene.search.IndexSearcher.getMaxClauseCount();
        org.apache.lucene.search.IndexSearcher.setMaxClauseCount(8);
        try {
            HttpResponse<String> r = server.get("/api/search?q=" + enc("ab* ca* de* he* in* pa* re* st* th*"));
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(json(r).get("error").asText().contains("fewer prefix"), r.body());
        } finally {
            org.apache.lucene.search.IndexSearcher.setMaxClauseCount(limit);
        }
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
    void theMonographPageHasAnIdOnEachHeadingAndEscapesItsText() throws Exception {
        HttpResponse<String> page = server.get("/monographs/clofarabine");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"side-effects\""));
        String hostile = server.get("/monographs/hostile").body();
        assertFalse(hostile.contains("<script>alert"), "no script from the content");
        assertFalse(hostile.contains("<img src=x"), "no img from the content");
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
