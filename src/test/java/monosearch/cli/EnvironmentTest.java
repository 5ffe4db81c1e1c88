package monosearch.cli;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import monosearch.testing.ChildJvm;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each MONOSEARCH_* variable is the default of its option: seen in a child process given that environment, so the
 * test's own JVM keeps its environment as it is. The index, corpus, sections and query-table options are the same
 * mixins in serve, reindex, search and eval, so serve shows them for all.
 */
class EnvironmentTest {
    static final String TOKEN_16 = "0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private TestIndex corpus() {
        return new TestIndex(temp).write("a/alphadrine.md", monograph("Alphadrine",
                "Zorb Notes", "Take with water.",
                "Dosage", "Ten mg daily.",
                "Side Effects", "Hypotension on standing."));
    }

    /** Tables that change what a search finds, so that each variable shows in an answer. */
    private Map<String, String> environment(TestIndex t) throws Exception {
        return Map.ofEntries(
                Map.entry("MONOSEARCH_CORPUS", t.corpus().toString()),
                Map.entry("MONOSEARCH_INDEX", temp.resolve("index-from-env").toString()),
                Map.entry("MONOSEARCH_HOST", "localhost"),
                Map.entry("MONOSEARCH_PORT", "0"),
                Map.entry("MONOSEARCH_LINK_TEMPLATE", "https://intranet.example/{path}/#{anchor}"),
                Map.entry("MONOSEARCH_SECTIONS", Files.writeString(temp.resolve("sections.txt"), "Usage: Zorb Notes\n").toString()),
                Map.entry("MONOSEARCH_INTENTS", Files.writeString(temp.resolve("intents.txt"), "zapdose => Dosage\n").toString()),
                Map.entry("MONOSEARCH_SYNONYMS", Files.writeString(temp.resolve("synonyms.txt"), "zorblat, hypotension\n").toString()),
                Map.entry("MONOSEARCH_PINS", Files.writeString(temp.resolve("pins.txt"), "daily => alphadrine#side-effects\n").toString()),
                Map.entry("MONOSEARCH_METRICS", "false"),
                Map.entry("MONOSEARCH_WATCH", "true"),
                Map.entry("MONOSEARCH_ANALYTICS", "true"),
                Map.entry("MONOSEARCH_ANALYTICS_FILE", temp.resolve("counts.json").toString()),
                Map.entry("MONOSEARCH_ADMIN_TOKEN", TOKEN_16));
    }

    @Test
    void eachMonosearchVariableIsTheDefaultOfItsServeOption() throws Exception {
        TestIndex t = corpus();
        ProcessBuilder builder = ChildJvm.main("serve", "--warmup-ms", "0", "--log-requests=false")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment(t));
        Process serve = builder.start();
        try {
            ChildJvm.Lines err = new ChildJvm.Lines(serve.getErrorStream());
            String started = err.await(l -> l.contains("serving on http://"), "saying where it serves");
            Matcher at = Pattern.compile("from (.+), serving on http://localhost:(\\d+)/").matcher(started);
            assertTrue(at.find(), "MONOSEARCH_HOST: " + started);
            assertEquals(temp.resolve("index-from-env").toString(), at.group(1), "MONOSEARCH_INDEX");
            String base = "http://localhost:" + at.group(2);
            HttpClient client = HttpClient.newHttpClient();

            assertEquals(1, get(client, base + "/health").get("monographs").asInt(), "MONOSEARCH_CORPUS");
            JsonNode water = get(client, base + "/api/search?q=water").get("hits").get(0);
            assertEquals("Usage", water.get("section").asText(), "MONOSEARCH_SECTIONS");
            assertEquals("https://intranet.example/a/alphadrine/#zorb-notes", water.get("url").asText(), "MONOSEARCH_LINK_TEMPLATE");
            assertEquals("Dosage", get(client, base + "/api/search?q=alphadrine+zapdose").get("hits").get(0).get("section").asText(),
                    "MONOSEARCH_INTENTS");
            assertEquals("Side Effects", get(client, base + "/api/search?q=zorblat").get("hits").get(0).get("section").asText(),
                    "MONOSEARCH_SYNONYMS");
            HttpResponse<String> reindex = client.send(HttpRequest.newBuilder(URI.create(base + "/api/reindex"))
                    .header("Authorization", "Bearer " + TOKEN_16).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reindex.statusCode(), "MONOSEARCH_ADMIN_TOKEN of exactly 16 characters: " + reindex.body());
            JsonNode pinned = get(client, base + "/api/search?q=daily").get("hits").get(0);
            assertEquals("side-effects", pinned.get("anchor").asText(), "MONOSEARCH_PINS");
            assertTrue(pinned.get("pinned").asBoolean(), "MONOSEARCH_PINS");
            assertEquals(404, client.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "MONOSEARCH_METRICS=false");
            t.write("b/betadrine.md", monograph("Betadrine", "Usage", "Treats quokkapox."));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1); // against a hang only; it takes a second
            while (get(client, base + "/api/search?q=quokkapox").get("total").asInt() == 0) {
                assertTrue(System.nanoTime() < deadline, "MONOSEARCH_WATCH: a new file in the corpus is never served");
                Thread.sleep(100);
            }
        } finally {
            serve.destroy();
            serve.waitFor();
        }
        assertTrue(Files.readString(temp.resolve("counts.json")).contains("quokkapox"),
                "MONOSEARCH_ANALYTICS and MONOSEARCH_ANALYTICS_FILE: the counts are kept there when the server stops");
    }

    private static JsonNode get(HttpClient client, String url) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return JSON.readTree(r.body());
    }
}
